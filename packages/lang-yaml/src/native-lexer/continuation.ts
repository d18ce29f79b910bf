import { CARRIAGE_RETURN, isDocumentMarker, LINE_FEED, SPACE } from './characters.js';

/**
 * Whether the line starting at `lineStart` goes on with the scalar (plain, quoted or block) that
 * the lines above began, by the `yaml` Lexer's rule: with a `minIndent`, a blank line or one
 * indented at least that far does; with none (a scalar at the top of a document), every line but a
 * `---` or `...` marker does. Returns -1 when the scalar stops before this line, or else where to
 * go on reading: after the line's indentation (on the `\n` of a blank `\r\n` line).
 */
export function continuesScalar(text: string, lineStart: number, minIndent: number): number {
  if (minIndent === 0) {
    return isDocumentMarker(text, lineStart) ? -1 : lineStart;
  }
  let at = lineStart;
  while (text.charCodeAt(at) === SPACE) at++;
  const code = text.charCodeAt(at);
  // Lone `\r`s never reach the native lexer, so this one starts a `\r\n`.
  if (code === CARRIAGE_RETURN) return at + 1;
  return code === LINE_FEED || at - lineStart >= minIndent ? at : -1;
}
