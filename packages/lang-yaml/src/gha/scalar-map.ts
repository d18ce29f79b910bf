/**
 * Maps each character of a decoded YAML scalar back to its offset in the source, so an expression
 * inside a `run: |` block (or a folded, quoted, or multi-line plain scalar) gets its exact span.
 *
 * The decoded value differs from the source only by markup: the block header, indentation, line
 * folding, quote doubling (`''`) and escapes (`\"`, `\u00e9`, escaped line breaks). Walking the
 * value and the source together, every value character either equals the next source character
 * or comes from one of those constructs; anything else in the source is skipped.
 */
export type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

export interface ScalarSource {
  style: ScalarStyle;
  /** The whole source text of the file. */
  text: string;
  /** Offsets of the scalar node (from its first character: the quote or the `|`/`>` indicator). */
  start: number;
  end: number;
}

/**
 * Offsets in the file of each character of `value` (length `value.length + 1`: the last entry is
 * the offset after the last character). Undefined when the value cannot be aligned with the source.
 */
export function mapScalar(value: string, source: ScalarSource): number[] | undefined {
  const { text, style } = source;
  let j = source.start;
  let end = source.end;
  if (style === 'QUOTE_DOUBLE' || style === 'QUOTE_SINGLE') {
    j++;
    if (end > j && text[end - 1] === (style === 'QUOTE_DOUBLE' ? '"' : "'")) end--;
  } else if (style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED') {
    const nl = text.indexOf('\n', j);
    j = nl < 0 || nl >= end ? end : nl + 1;
  }
  const map: number[] = new Array(value.length + 1);
  let i = 0;
  while (i < value.length) {
    if (j >= end) return undefined;
    const c = value[i]!;
    const s = text[j]!;
    if (style === 'QUOTE_DOUBLE' && s === '\\') {
      const esc = doubleQuotedEscape(text, j, end);
      if (esc.produces === 0) {
        j = esc.next;
        continue;
      }
      for (let k = 0; k < esc.produces && i < value.length; k++) map[i++] = j;
      j = esc.next;
      continue;
    }
    if (style === 'QUOTE_SINGLE' && c === "'" && s === "'" && text[j + 1] === "'") {
      map[i++] = j;
      j += 2;
      continue;
    }
    if (c === s) {
      map[i++] = j++;
      continue;
    }
    // A folded line break becomes a space (or a blank line a newline): tie it to the break.
    if ((c === ' ' || c === '\n') && (s === '\n' || s === '\r')) {
      map[i++] = j;
      j += text[j] === '\r' && text[j + 1] === '\n' ? 2 : 1;
      continue;
    }
    if (s === ' ' || s === '\t' || s === '\n' || s === '\r') {
      j++;
      continue;
    }
    return undefined;
  }
  map[value.length] = i > 0 ? map[i - 1]! + 1 : j;
  return map;
}

function doubleQuotedEscape(text: string, j: number, end: number): { produces: number; next: number } {
  const n = text[j + 1];
  if (n === undefined || j + 1 >= end) return { produces: 1, next: j + 1 };
  if (n === '\n' || n === '\r') {
    // Escaped line break: joins the lines, dropping the break and the next line's indentation.
    let k = j + 1;
    if (text[k] === '\r') k++;
    if (text[k] === '\n') k++;
    while (k < end && (text[k] === ' ' || text[k] === '\t')) k++;
    return { produces: 0, next: k };
  }
  if (n === 'x') return { produces: 1, next: j + 4 };
  if (n === 'u') return { produces: 1, next: j + 6 };
  if (n === 'U') {
    const code = Number.parseInt(text.slice(j + 2, j + 10), 16);
    return { produces: code > 0xffff ? 2 : 1, next: j + 10 };
  }
  return { produces: 1, next: j + 2 };
}
