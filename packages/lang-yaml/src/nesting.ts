/**
 * Where a YAML text nests deeper than `limit` levels (block indentation, `- ` sequence entries and
 * `[`/`{` flow collections together), or -1. One pass, no recursion, so a hostile file cannot
 * overflow it; it never counts more levels than the YAML parser would build (quoted strings,
 * comments, block scalars and brackets inside plain words are not nesting).
 */
export function yamlNestingOffset(text: string, limit: number): number {
  return shallowerThan(text, limit) ? -1 : nestingOffsetByScan(text, limit);
}

/** @internal `yamlNestingOffset` without the quick bound (tests check the bound against it). */
export function nestingOffsetByScan(text: string, limit: number): number {
  const indents: number[] = [];
  let flow = 0;
  let blockScalarParent = -1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let i = lineStart;
    while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++;
    const indent = i - lineStart;
    const blank = i >= lineEnd || text[i] === '#' || text[i] === '\r';
    if (blockScalarParent >= 0 && (blank || indent > blockScalarParent)) {
      lineStart = lineEnd + 1;
      continue;
    }
    blockScalarParent = -1;
    if (blank) {
      lineStart = lineEnd + 1;
      continue;
    }
    if (flow === 0) {
      while (indents.length && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      // `- - - x`: every entry marker opens a level of its own.
      while (text[i] === '-' && (text[i + 1] === ' ' || i + 1 === lineEnd)) {
        i += 2;
        while (i < lineEnd && text[i] === ' ') i++;
        indents.push(i - lineStart);
      }
    }
    let valueStart = true;
    for (; i < lineEnd; i++) {
      const c = text[i]!;
      if (c === '#' && (i === lineStart || text[i - 1] === ' ' || text[i - 1] === '\t')) break;
      if ((c === '"' || c === "'") && (valueStart || flow > 0)) {
        i = skipQuoted(text, i, c);
        valueStart = false;
        continue;
      }
      if ((c === '[' || c === '{') && (valueStart || flow > 0)) {
        flow++;
        if (indents.length + flow > limit) return i;
        valueStart = true;
        continue;
      }
      if ((c === ']' || c === '}') && flow > 0) {
        flow--;
        valueStart = false;
        continue;
      }
      if (c === ',' && flow > 0) {
        valueStart = true;
        continue;
      }
      if (c === ':' && (text[i + 1] === ' ' || i + 1 === lineEnd || flow > 0)) {
        valueStart = true;
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\r') continue;
      if ((c === '|' || c === '>') && valueStart && flow === 0) {
        blockScalarParent = indent;
        break;
      }
      valueStart = false;
    }
    if (indents.length + flow > limit) return lineStart + Math.min(indent, lineEnd - lineStart);
    lineStart = lineEnd + 1;
  }
  return -1;
}

/**
 * @internal A quick bound that rules most texts out. The block levels open on a line sit at
 * distinct columns up to where its indentation and entry markers end (so at most that column plus
 * one), and every flow level is a `[` or `{` of the text. Only a line longer than the bound allows
 * needs that column counted.
 */
export function shallowerThan(text: string, limit: number): boolean {
  let brackets = 0;
  for (const open of ['[', '{'])
    for (let at = text.indexOf(open); at !== -1; at = text.indexOf(open, at + 1))
      if (++brackets >= limit) return false;
  const deepest = limit - 1 - brackets;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - start > deepest) {
      let i = start;
      while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
      while (text[i] === '-' && (text[i + 1] === ' ' || i + 1 === end)) {
        i += 2;
        while (i < end && text[i] === ' ') i++;
      }
      if (i - start > deepest) return false;
    }
    start = end + 1;
  }
  return true;
}

/** The offset just past a quoted scalar starting at `at` (which may span lines). */
function skipQuoted(text: string, at: number, quote: string): number {
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return text.length;
}
