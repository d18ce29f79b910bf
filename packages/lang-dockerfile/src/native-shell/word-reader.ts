import type { ArgumentKind } from '../shell-commands.js';
import { unescapeDoubleQuoted, unescapeWord } from '../shell-quoting.js';
import type { NativeItem, NativeWord } from './native-script.js';

/**
 * Thrown where the reader stops: the text has something it does not read the way tree-sitter-bash
 * does for sure. The message is the reason, for the benchmark's counts.
 */
export class GiveUp extends Error {}

export function giveUp(reason: string): never {
  throw new GiveUp(reason);
}

/** tree-sitter-bash's `number` token: such a word is a number node, not a word (`sh -c 1` reads nothing). */
const NUMBER = /^-?(0x)?[0-9]+(#[0-9A-Za-z@_]+)?$/;
const NUMBER_BASE_ONLY = /^-?(0x)?[0-9]+#$/;
/** The plain text a word starts with, up to a quote, an expansion or a bracket. */
const LEADING_PLAIN = /(?:[^'"$`{}[\]\\]|\\.)*/y;
export const NAME_START = /[A-Za-z_]/;
export const NAME_CHAR = /[A-Za-z0-9_]/;
/**
 * After a leading name (`abc` of `abc%x`), characters that may make the grammar's scanner read a
 * variable name where a command starts (`=` is an assignment, read here; `+` only before `=` or
 * `:`, so `g++` is a name).
 */
const VARIABLE_NAME_FOLLOWERS = new Set(['[', ':', '%', '#', '@', '?', '=']);
/**
 * Ordinary characters of a word outside quotes: not a blank (any Unicode one), a control
 * character, a quote, `$`, a backquote, a bracket, a backslash or an operator.
 */
const PLAIN_RUN = /[^\s\p{Cc}'"$`{}[\]\\;&|<>()]+/uy;
/** Characters inside double quotes up to the next one looked at. */
const QUOTED_RUN = /[^"\\$`\n]+/y;
/** Characters that end a word outside quotes. */
export const WORD_END = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const ONLY_BLANKS_LEFT = /(?:\s|\\\n)*$/y;
/** What may follow `${NAME` before a plain operand and the closing brace. */
const EXPANSION_OPERATORS = [
  ':-',
  ':=',
  ':+',
  ':?',
  '-',
  '=',
  '+',
  '?',
  '##',
  '#',
  '%%',
  '%',
  '//',
  '/',
  ':',
];
/** Characters of an operand of `${NAME<op>operand}` the reader accepts. */
const EXPANSION_OPERAND = /[A-Za-z0-9_.,/:@*+=~-]/;
/** Operators whose operand is a word (a default, an alternative, a message). */
const VALUE_OPERATORS = new Set([':-', ':=', ':+', ':?', '-', '=', '+', '?']);

/**
 * The words of a script (quoting, escapes, expansions, blanks and comments between them) for the
 * native reader (`reader.ts`), which reads the statements they make and the `$(...)` in them.
 */
export abstract class WordReader {
  protected i = 0;
  /** Where the items of `$(...)` met in the word being read go. */
  protected sink: NativeItem[] = [];
  /** How many `$(` the reader is in. */
  protected substitutions = 0;

  constructor(protected readonly text: string) {}

  /** `$(...)` at `this.i`: its statements' items go to `this.sink`. */
  protected abstract substitution(): void;

  /** At `>`, `>>`, `<`, `&>`, `&>>`, or a file descriptor followed by one (`2>`). */
  protected atRedirection(): boolean {
    const { text } = this;
    let j = this.i;
    while (text[j]! >= '0' && text[j]! <= '9') j++;
    const ch = text[j];
    if (ch === '>' || ch === '<') return true;
    return j === this.i && ch === '&' && text[j + 1] === '>';
  }

  /**
   * Skips blanks, comments and line continuations (and line breaks when `lineBreaks`: after `&&`,
   * `|`, `;`, where a statement may start).
   */
  protected skipBlank(lineBreaks: boolean): void {
    const { text } = this;
    for (;;) {
      const ch = text[this.i];
      if (ch === ' ' || ch === '\t' || (lineBreaks && ch === '\n')) this.i++;
      else if (ch === '#') {
        // A comment would run over the `)` of `$(a # b)`.
        if (this.substitutions > 0) giveUp('a comment inside `$( )`');
        const nl = text.indexOf('\n', this.i);
        this.i = nl < 0 ? text.length : nl;
      } else if (ch === '\\' && text[this.i + 1] === '\n') {
        if (text[this.i - 1] === '\n') giveUp('a backslash at the start of a line');
        this.i += 2;
        // A continuation with nothing but blanks and line breaks after it may be a syntax error
        // to the grammar (`\\` + two line breaks is, where a statement starts).
        ONLY_BLANKS_LEFT.lastIndex = this.i;
        if (ONLY_BLANKS_LEFT.test(text)) giveUp('a line continuation at the end');
      } else return;
    }
  }

  /** At the start of a word: not a blank, an operator, a comment or the end. */
  protected atWord(): boolean {
    const ch = this.text[this.i];
    return ch !== undefined && !WORD_END.has(ch) && ch !== '#' && !this.atRedirection();
  }

  /** A word and the items of the `$(...)` in it. */
  protected wordAndInner(commandName: boolean): { word: NativeWord; inner: NativeItem[] } {
    const outer = this.sink;
    const inner: NativeItem[] = [];
    this.sink = inner;
    try {
      return { word: this.word(commandName), inner };
    } finally {
      this.sink = outer;
    }
  }

  /**
   * A word: plain text with backslash escapes, `'...'`, `"..."`, `$NAME`, `${NAME...}` and `$(...)`, side
   * by side. Its value has the quotes removed (expansions kept as written).
   */
  protected word(commandName: boolean): NativeWord {
    const { text } = this;
    const start = this.i;
    // Right after a line break, the grammar takes `\x` in with the line break, as an argument.
    if (text[start] === '\\' && text[start - 1] === '\n') giveUp('a backslash at the start of a line');
    let value = '';
    let dynamic = false;
    /** tree-sitter's pieces so far: plain text runs, each `{ } [ ]`, strings, expansions. */
    let pieces = 0;
    let plainPieces = 0;
    let plain: 'text' | 'bracket' | undefined;
    let lastQuote: ArgumentKind | undefined;
    let bracketed = false;
    /**
     * An unquoted expansion as the third piece or later: the grammar ends the word at its `$`
     * when more follows (`x$A-$B-c` is read as `x$A-$` and `B-c`; measured over every word of up
     * to five pieces).
     */
    let lateExpansion = false;
    const newPiece = () => {
      if (lateExpansion) giveUp('a word going on after an expansion in its third piece or later');
      pieces++;
    };
    for (;;) {
      const ch = text[this.i];
      if (ch === undefined || WORD_END.has(ch)) {
        // `)` ends a `$(...)` (or is left to the caller to refuse).
        if (ch === '(') giveUp('`(`');
        break;
      }
      if (ch === "'") {
        const close = text.indexOf("'", this.i + 1);
        if (close < 0) giveUp('an unterminated single quote');
        newPiece();
        value += text.slice(this.i + 1, close);
        this.i = close + 1;
        plain = undefined;
        lastQuote = 'raw_string';
      } else if (ch === '"') {
        newPiece();
        const { inner, hasExpansion } = this.doubleQuoted();
        value += unescapeDoubleQuoted(inner);
        dynamic ||= hasExpansion;
        plain = undefined;
        lastQuote = 'string';
      } else if (ch === '$' && text[this.i + 1] === '(') {
        // A command substitution as a later piece keeps the word going, unlike other expansions.
        newPiece();
        const from = this.i;
        this.substitution();
        value += text.slice(from, this.i);
        dynamic = true;
        plain = undefined;
        lastQuote = undefined;
      } else if (ch === '$') {
        newPiece();
        const expansion = this.expansion(false);
        value += expansion;
        dynamic = true;
        if (pieces >= 3) {
          lateExpansion = true;
          // Even last: `a-b$1` is read as `a-b$` and `1`.
          if (/^\$[0-9]/.test(expansion))
            giveUp('a positional parameter in the third piece of a word or later');
        }
        plain = undefined;
        lastQuote = undefined;
      } else if (ch === '`') giveUp('a backquote');
      else if (ch === '{' || ch === '}' || ch === '[' || ch === ']') {
        // Concatenations to the grammar: fine for an argument, not where a command starts.
        if (commandName) giveUp(`\`${ch}\` in a command name`);
        newPiece();
        plainPieces++;
        plain = 'bracket';
        bracketed = true;
        value += ch;
        this.i++;
      } else {
        if (plain !== 'text') {
          // `"a"#b` is a word and a comment word to the grammar; `"a"\\b` two words.
          if (ch === '#') giveUp('`#` inside a word');
          if (ch === '\\' && pieces > 0) giveUp('a backslash after a quote, an expansion or a bracket');
          newPiece();
          plainPieces++;
          plain = 'text';
        }
        if (ch === '\\') {
          const next = text[this.i + 1];
          if (next === undefined || /\s/.test(next)) giveUp('a backslash before a blank');
          value += unescapeWord(text.slice(this.i, this.i + 2));
          this.i += 2;
        } else {
          // A run of ordinary characters at once (what ends it is looked at one by one).
          PLAIN_RUN.lastIndex = this.i;
          const run = PLAIN_RUN.exec(text)?.[0];
          if (run === undefined) giveUp('an unusual blank or control character');
          value += run;
          this.i += run.length;
        }
      }
    }
    const end = this.i;
    const raw = text.slice(start, end);
    // `9#` then a quote, an expansion or the end: the grammar expects a number base's digits.
    LEADING_PLAIN.lastIndex = 0;
    if (NUMBER_BASE_ONLY.test(LEADING_PLAIN.exec(raw)?.[0] ?? '')) giveUp('a number base without digits');
    let kind: ArgumentKind = 'other';
    if (pieces === 1) {
      // A lone `{`, `}`, `[` or `]` is a word (`{}` a concatenation), a number is not.
      if (plainPieces === 1) kind = bracketed || !NUMBER.test(raw) ? 'word' : 'other';
      else if (lastQuote) kind = lastQuote;
    }
    if (commandName) this.checkCommandName(raw);
    return { start, end, value, dynamic, kind };
  }

  /** Command names the grammar's scanner reads otherwise (`abc%x`, `é=1`, `1=x`). */
  protected checkCommandName(raw: string): void {
    let j = 0;
    while (j < raw.length && NAME_CHAR.test(raw[j]!)) j++;
    const after = raw[j];
    if (j > 0 && after !== undefined) {
      const plus = after === '+' && (raw[j + 1] === '=' || raw[j + 1] === ':');
      if (plus || VARIABLE_NAME_FOLLOWERS.has(after))
        giveUp(`\`${after}\` after a name where a command starts`);
    }
    if (/[^\x20-\x7e]/.test(raw)) giveUp('a non-ASCII command name');
  }

  /** `"..."` at `this.i`: its inside, as written. */
  protected doubleQuoted(): { inner: string; hasExpansion: boolean } {
    const { text } = this;
    const open = this.i;
    this.i++;
    let hasExpansion = false;
    for (;;) {
      const ch = text[this.i];
      if (ch === undefined) giveUp('an unterminated double quote');
      if (ch === '"') break;
      if (ch === '\\') {
        const next = text[this.i + 1];
        if (next === undefined) giveUp('an unterminated double quote');
        this.i += 2;
      } else if (ch === '$') {
        if (text[this.i + 1] === '"') giveUp('`$` before a closing quote');
        if (text[this.i + 1] === '(') this.substitution();
        else this.expansion(true);
        hasExpansion = true;
      } else if (ch === '`') giveUp('a backquote');
      else if (ch === '\n') giveUp('a line break inside double quotes');
      else {
        QUOTED_RUN.lastIndex = this.i;
        this.i += QUOTED_RUN.exec(text)![0].length;
      }
    }
    this.i++;
    return { inner: text.slice(open + 1, this.i - 1), hasExpansion };
  }

  /** `$NAME`, `$1`, `$?` or a simple `${NAME...}` at `this.i`: returns it as written. */
  protected expansion(inDoubleQuotes: boolean): string {
    const { text } = this;
    const start = this.i;
    const next = text[start + 1];
    if (next === undefined) giveUp('a bare `$`');
    if (NAME_CHAR.test(next)) {
      let j = start + 2;
      while (NAME_CHAR.test(text[j] ?? '')) j++;
      this.i = j;
    } else if ('@*#?$!-'.includes(next)) this.i = start + 2;
    else if (next === '{') this.i = this.bracedExpansionEnd(start, inDoubleQuotes);
    else giveUp(`\`$${next}\``);
    return text.slice(start, this.i);
  }

  /** The end of `${NAME}`, `${#NAME}`, `${NAME:-plain}`, `${NAME%.*}`, `${NAME//a/b}` starting at `start`. */
  protected bracedExpansionEnd(start: number, inDoubleQuotes: boolean): number {
    const { text } = this;
    let j = start + 2;
    const length = text[j] === '#';
    if (length) j++;
    const nameStart = j;
    if (NAME_START.test(text[j] ?? '')) while (NAME_CHAR.test(text[j] ?? '')) j++;
    else while (/[0-9]/.test(text[j] ?? '')) j++;
    if (j === nameStart) giveUp('an unusual `${...}`');
    if (text[j] === '}') return j + 1;
    if (length) giveUp('an unusual `${#...}`');
    const op = EXPANSION_OPERATORS.find((o) => text.startsWith(o, j));
    if (!op) giveUp('an unusual `${...}`');
    j += op.length;
    const operandStart = j;
    // `${X:+"--flag=$X"}` outside double quotes: a plain double-quoted operand.
    if (text[j] === '"' && !inDoubleQuotes && VALUE_OPERATORS.has(op)) {
      const close = text.indexOf('"', j + 1);
      if (close < 0 || /[$`\\\n]/.test(text.slice(j + 1, close)) || text[close + 1] !== '}')
        giveUp('an unusual `${...}`');
      return close + 2;
    }
    // `${X%%[a-z]*}`: a bracket expression in a pattern to remove.
    const pattern = op.startsWith('#') || op.startsWith('%');
    while (j < text.length && text[j] !== '}') {
      if (pattern && text[j] === '[') {
        // A whole `[...]` of operand characters; a lone `]` the grammar reads otherwise.
        const close = text.indexOf(']', j + 2);
        if (close < 0 || ![...text.slice(j + 1, close)].every((c) => EXPANSION_OPERAND.test(c)))
          giveUp('an unusual `${...}`');
        j = close + 1;
        continue;
      }
      if (!EXPANSION_OPERAND.test(text[j]!)) giveUp('an unusual `${...}`');
      j++;
    }
    if (text[j] !== '}') giveUp('an unterminated `${`');
    // `${X:1:2}`: the grammar reads numbers and names there, not words.
    if (op === ':' && !/^[0-9]+(:[0-9]+)?$/.test(text.slice(operandStart, j))) giveUp('an unusual `${...}`');
    return j + 1;
  }
}
