/** Character codes the native lexer looks at, and the two classes of character it asks about. */

export const TAB = 9;
export const LINE_FEED = 10;
export const CARRIAGE_RETURN = 13;
export const SPACE = 32;
export const BANG = 33;
export const DOUBLE_QUOTE = 34;
export const HASH = 35;
export const PERCENT = 37;
export const AMPERSAND = 38;
export const SINGLE_QUOTE = 39;
export const ASTERISK = 42;
export const COMMA = 44;
export const DASH = 45;
export const DOT = 46;
export const COLON = 58;
export const GREATER_THAN = 62;
export const QUESTION_MARK = 63;
export const BACKSLASH = 92;
export const OPEN_BRACKET = 91;
export const CLOSE_BRACKET = 93;
export const OPEN_BRACE = 123;
export const PIPE = 124;
export const CLOSE_BRACE = 125;
export const BYTE_ORDER_MARK = 0xfeff;

/**
 * White space, a line break or the end of the text (`charCodeAt` past the end is NaN): what must
 * follow `-`, `:` or `---` for them to be indicators.
 */
export function isBlank(code: number): boolean {
  return (
    code === SPACE || code === LINE_FEED || code === CARRIAGE_RETURN || code === TAB || Number.isNaN(code)
  );
}

/** `,`, `[`, `]`, `{`, `}`: they end a plain scalar inside a flow collection. */
export function isFlowIndicator(code: number): boolean {
  return (
    code === COMMA ||
    code === OPEN_BRACKET ||
    code === CLOSE_BRACKET ||
    code === OPEN_BRACE ||
    code === CLOSE_BRACE
  );
}

/** `---` or `...` at `at`, followed by white space or the end. */
export function isDocumentMarker(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return (
    (code === DASH || code === DOT) &&
    text.charCodeAt(at + 1) === code &&
    text.charCodeAt(at + 2) === code &&
    isBlank(text.charCodeAt(at + 3))
  );
}

/** Where the line holding `from` ends: its `\n`, or the `\r` of its `\r\n`, or the end of the text. */
export function lineEndAt(text: string, from: number): number {
  let end = text.indexOf('\n', from);
  if (end === -1) return text.length;
  if (end > from && text.charCodeAt(end - 1) === CARRIAGE_RETURN) end--;
  return end;
}
