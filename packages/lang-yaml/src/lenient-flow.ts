/**
 * A tolerance that `kubectl` (Go yaml) and PyYAML have and the `yaml` package (strict about
 * indentation, as the YAML spec is) lacks: a quoted scalar inside a flow sequence or mapping that
 * runs over several lines, with a line at or left of the indentation of the line that opened the
 * flow collection, as in Argo's examples:
 *
 *     args: ["
 *       echo hello &&
 *       echo world
 *     "]
 *
 * `underIndentedFlowLines` returns the text with the line break before each such line replaced by
 * a space. The text keeps its length, so every offset (and span) stays that of the original file;
 * inside a quoted scalar a line break folds to whitespace anyway, so the values only differ in
 * how much whitespace they hold. Returns undefined when there is no such line.
 */
const OPENERS = /["'[{]/g;

export function underIndentedFlowLines(text: string): string | undefined {
  /** Offsets of the line breaks to replace (the text itself is copied only when there are some). */
  const breaks: number[] = [];
  let quote: '"' | "'" | undefined;
  let depth = 0;
  /** Indentation of the line that opened the outermost flow collection. */
  let base = 0;
  let lineStart = 0;
  let lineIndent = 0;
  /** Last significant character outside a scalar, to tell a quote that opens a scalar from one inside plain text. */
  let previous = '\n';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      lineStart = i + 1;
      lineIndent = 0;
      while (text[lineStart + lineIndent] === ' ') lineIndent++;
      if (quote && depth > 0 && lineIndent <= base && lineStart + lineIndent < text.length) {
        breaks.push(i);
      }
      if (!quote && depth === 0) {
        previous = '\n';
        // Outside quotes and brackets a line changes nothing unless it holds one of them: go
        // straight to the line of the next (most lines of a manifest hold none).
        OPENERS.lastIndex = lineStart;
        const next = OPENERS.exec(text);
        if (!next) break;
        const nextLine = text.lastIndexOf('\n', next.index) + 1;
        if (nextLine > lineStart) {
          lineStart = nextLine;
          lineIndent = 0;
          while (text[lineStart + lineIndent] === ' ') lineIndent++;
          i = lineStart - 1;
        }
      }
      continue;
    }
    if (quote) {
      if (quote === '"' && ch === '\\') i++;
      else if (ch === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else {
          quote = undefined;
          previous = 'scalar';
        }
      }
      continue;
    }
    if (ch === ' ' || ch === '\t') continue;
    if (ch === '#' && (i === lineStart || text[i - 1] === ' ' || text[i - 1] === '\t')) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    const tokenStart =
      previous === '\n' ||
      previous === '[' ||
      previous === '{' ||
      previous === ',' ||
      previous === ':' ||
      previous === '-';
    if ((ch === '"' || ch === "'") && tokenStart) {
      quote = ch;
      continue;
    }
    if ((ch === '[' || ch === '{') && tokenStart) {
      if (depth === 0) base = lineIndent;
      depth++;
      previous = ch;
      continue;
    }
    if ((ch === ']' || ch === '}') && depth > 0) {
      depth--;
      previous = ch;
      continue;
    }
    if (ch === ',' && depth > 0) {
      previous = ',';
      continue;
    }
    if (ch === ':' && (text[i + 1] === ' ' || text[i + 1] === '\n' || depth > 0)) {
      previous = ':';
      continue;
    }
    if (ch === '-' && previous === '\n' && (text[i + 1] === ' ' || text[i + 1] === '\n')) {
      previous = '-';
      continue;
    }
    previous = 'plain';
  }
  if (breaks.length === 0) return undefined;
  let out = '';
  let from = 0;
  for (const at of breaks) {
    out += `${text.slice(from, at)} `;
    from = at + 1;
  }
  return out + text.slice(from);
}
