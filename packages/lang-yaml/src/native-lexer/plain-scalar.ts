import {
  CARRIAGE_RETURN,
  COLON,
  HASH,
  isBlank,
  isFlowIndicator,
  LINE_FEED,
  SPACE,
  TAB,
} from './characters.js';
import { continuesScalar } from './continuation.js';

/**
 * The end (exclusive) of the plain scalar starting at `start`: after its last character that is
 * not white space, before `: `, ` #`, a line that does not continue it (`continuesScalar`) or, in a
 * flow collection, a flow indicator. A scalar may run over several lines (the token then holds the
 * line breaks and indentation between).
 */
export function plainScalarEnd(text: string, start: number, minIndent: number, inFlow: boolean): number {
  let end = start;
  for (let at = start; at < text.length; ) {
    const code = text.charCodeAt(at);
    if (code === COLON) {
      const next = text.charCodeAt(at + 1);
      if (isBlank(next) || (inFlow && isFlowIndicator(next))) break;
      end = ++at;
    } else if (code === SPACE || code === TAB) {
      const next = text.charCodeAt(at + 1);
      if (next === HASH || (inFlow && isFlowIndicator(next))) break;
      at++;
    } else if (code === LINE_FEED || code === CARRIAGE_RETURN) {
      // Lone `\r`s never reach the native lexer: a `\r` starts a `\r\n`.
      const lineStart = code === LINE_FEED ? at + 1 : at + 2;
      const next = text.charCodeAt(lineStart);
      if (next === HASH || (inFlow && isFlowIndicator(next))) break;
      const resume = continuesScalar(text, lineStart, minIndent);
      if (resume === -1) break;
      // From the last space of the indentation, so that a ` #` there ends the scalar.
      at = Math.max(lineStart, resume - 1);
    } else {
      if (inFlow && isFlowIndicator(code)) break;
      end = ++at;
    }
  }
  return end;
}
