import { BACKSLASH, SINGLE_QUOTE } from './characters.js';
import { continuesScalar } from './continuation.js';
import { giveUp } from './give-up.js';

/**
 * The end (exclusive, after the closing quote) of the quoted scalar whose opening quote is at
 * `start`. `''` inside single quotes and `\"` (after an odd number of backslashes) inside double
 * quotes do not close it. It may run over lines that continue it (`continuesScalar`); an unclosed
 * quote, or a line inside the quotes indented too little (the `yaml` Lexer then cuts the token
 * short), gives up.
 */
export function quotedScalarEnd(text: string, start: number, minIndent: number): number {
  const quote = text[start]!;
  let close = text.indexOf(quote, start + 1);
  if (text.charCodeAt(start) === SINGLE_QUOTE) {
    while (close !== -1 && text.charCodeAt(close + 1) === SINGLE_QUOTE)
      close = text.indexOf(quote, close + 2);
  } else {
    while (close !== -1 && escapedByBackslashes(text, close)) close = text.indexOf(quote, close + 1);
  }
  if (close === -1) giveUp('unclosed quote');
  for (let lineBreak = text.indexOf('\n', start); lineBreak !== -1 && lineBreak < close; ) {
    const resume = continuesScalar(text, lineBreak + 1, minIndent);
    if (resume === -1) giveUp('quoted scalar cut by a line indented too little');
    lineBreak = text.indexOf('\n', resume);
  }
  return close + 1;
}

function escapedByBackslashes(text: string, at: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
  return backslashes % 2 === 1;
}
