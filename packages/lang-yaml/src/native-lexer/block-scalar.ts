import { CARRIAGE_RETURN, HASH, isBlank, LINE_FEED, SPACE, TAB } from './characters.js';
import { continuesScalar } from './continuation.js';
import { giveUp } from './give-up.js';

/** A block scalar's header: `|` or `>` with its chomping (`-`, `+`) and indentation (`1`-`9`) indicators. */
export interface BlockScalarHeader {
  /** Exclusive end of the header token (before white space or `#`). */
  readonly end: number;
  /** `+`: trailing blank lines belong to the scalar. */
  readonly keep: boolean;
  /** The indentation indicator, or 0 when there is none. */
  readonly indentation: number;
}

/** The header at `start` (its `|` or `>`); anything but indicators before white space gives up. */
export function blockScalarHeader(text: string, start: number): BlockScalarHeader {
  let keep = false;
  let indentation = 0;
  let at = start + 1;
  for (let code = text.charCodeAt(at); !isBlank(code) && code !== HASH; code = text.charCodeAt(++at)) {
    if (code === 43 /* + */) keep = true;
    else if (code >= 49 /* 1 */ && code <= 57 /* 9 */) indentation = code - 48;
    else if (code !== 45 /* - */) giveUp('block scalar header');
  }
  return { end: at, keep, indentation };
}

/** Where a block scalar's body ends, and the indentation its lines had. */
export interface BlockScalarBody {
  /** Exclusive end of the body token: after its last line break, or the end of the text. */
  readonly end: number;
  /** The new minimum indentation of a continuing line (the `yaml` Lexer's `indentNext`). */
  readonly minIndent: number;
}

/**
 * The body of a block scalar starting at `start` (the line after its header), whose lines must be
 * indented more than `minIndent` (the lexer's `indentNext`, one more than its key's line): every
 * line that continues it (`continuesScalar`) at the indentation of its first non-blank line (or
 * the header's), then, unless the header keeps them, without the trailing lines of spaces no
 * longer than that first indentation. A tab where a less indented line starts gives up.
 */
export function blockScalarBody(
  text: string,
  start: number,
  minIndent: number,
  header: BlockScalarHeader,
): BlockScalarBody {
  // The first line that is not blank: its indentation, and the line break before it.
  let firstIndent = 0;
  let lastBreak = start - 1;
  for (let at = start; ; at++) {
    const code = text.charCodeAt(at);
    if (code === SPACE) firstIndent++;
    else if (code === LINE_FEED) {
      lastBreak = at;
      firstIndent = 0;
    } else if (code !== CARRIAGE_RETURN) break;
  }
  let indent = minIndent;
  if (firstIndent >= minIndent) {
    if (header.indentation === 0) indent = firstIndent;
    else indent = header.indentation - 1 + (minIndent === 0 ? 1 : minIndent);
    for (;;) {
      const resume = continuesScalar(text, lastBreak + 1, indent);
      if (resume === -1) break;
      lastBreak = text.indexOf('\n', resume);
      if (lastBreak === -1) {
        lastBreak = text.length;
        break;
      }
    }
  }
  let next = lastBreak + 1;
  while (text.charCodeAt(next) === SPACE) next++;
  if (text.charCodeAt(next) === TAB) giveUp('tab after a block scalar');
  if (!header.keep) lastBreak = withoutTrailingBlankLines(text, start, lastBreak, firstIndent);
  return { end: Math.min(lastBreak + 1, text.length), minIndent: indent };
}

/** Drops the last lines before `lastBreak` while they hold only spaces, no more than `indent`. */
function withoutTrailingBlankLines(text: string, start: number, lastBreak: number, indent: number): number {
  for (;;) {
    let at = lastBreak - 1;
    if (text.charCodeAt(at) === CARRIAGE_RETURN) at--;
    const lastCharacter = at;
    while (text.charCodeAt(at) === SPACE) at--;
    if (text.charCodeAt(at) !== LINE_FEED || at < start || lastCharacter - at > indent) return lastBreak;
    lastBreak = at;
  }
}
