import type { Comment } from '@plumbline/core';
import { hclComment } from '../hcl-text.js';

/**
 * Thrown (and caught by `readNative`) when the text is not something this parser is sure to read
 * exactly as the tree-sitter grammar does: a syntax error, or a construct left to tree-sitter.
 */
export class GiveUp {
  constructor(readonly reason: string) {}
}

export function giveUp(reason: string): never {
  throw new GiveUp(reason);
}

/**
 * Characters refused anywhere (even in strings and comments): white space the grammar's scanner
 * (C `iswspace`) may skip where JavaScript does not, or the reverse, control characters, NUL, and
 * a byte order mark anywhere but at the start (tree-sitter skips a leading one).
 */
const REFUSED =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
  /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\xa0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u3000]|(?!^)\ufeff/;

export function refusedCharacter(text: string): boolean {
  return REFUSED.test(text);
}

/**
 * Words the grammar has as tokens of their own. The grammar reads them as names where only a name
 * can come (attribute and block names, labels, after `.`); where an expression starts only `true`,
 * `false` and `null` are read here (as literals), the others are left to tree-sitter.
 */
export const KEYWORDS = new Set(['true', 'false', 'null', 'for', 'in', 'if', 'else', 'endif', 'endfor']);

/** Character codes (the exported ones are read by the parser too). */
export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
const BANG = 33;
export const QUOTE = 34;
const HASH = 35;
export const DOLLAR = 36;
export const PERCENT = 37;
const AMP = 38;
const LPAREN = 40;
const RPAREN = 41;
const STAR = 42;
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const SLASH = 47;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const COLON = 58;
const LT = 60;
const EQ = 61;
const GT = 62;
const QUESTION = 63;
const LBRACKET = 91;
export const BACKSLASH = 92;
const RBRACKET = 93;
const UNDERSCORE = 95;
export const LBRACE = 123;
const PIPE = 124;
const RBRACE = 125;
const TILDE = 126;
const BOM = 0xfeff;

export function isDigit(c: number): boolean {
  return c >= DIGIT_0 && c <= DIGIT_9;
}

export function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === UNDERSCORE;
}

/** `[A-Za-z0-9_-]`: an identifier's later characters (besides `::`). */
export function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDigit(c) || c === MINUS;
}

/**
 * Tokens of expressions and bodies, read on demand: `peek()` reads the next one (skipping white
 * space and comments, which are collected in order), `take()` consumes it. Between a `take()` and
 * the next `peek()` nothing beyond `pos` has been read, so the parser can read a template's text
 * from `pos` itself.
 *
 * Token types: `ident`, `number`, `eof`, or the token's own text (`"`, `<<`, `<<-`, `{`, `[*]`,
 * `.*`, `...`, `=>`, `==`, `&&`, ...).
 */
export class Lexer {
  /** Where reading resumes: the end of the last consumed token (or template text). */
  pos = 0;
  /** The peeked token's type, '' when none is peeked. */
  type = '';
  start = 0;
  end = 0;
  readonly comments: Comment[] = [];
  private line = 1;
  private lineCounted = 0;

  constructor(readonly text: string) {
    if (text.charCodeAt(0) === BOM) this.pos = 1;
  }

  peek(): string {
    if (this.type === '') this.scan();
    return this.type;
  }

  take(): void {
    if (this.type === '') this.scan();
    this.pos = this.end;
    this.type = '';
  }

  expect(type: string): void {
    if (this.peek() !== type) giveUp(`expected \`${type}\`, found \`${this.type}\``);
    this.take();
  }

  /** The peeked token's text. */
  tokenText(): string {
    return this.text.slice(this.start, this.end);
  }

  /** Whether the peeked token is the identifier `word`. */
  isWord(word: string): boolean {
    return (
      this.peek() === 'ident' &&
      this.end - this.start === word.length &&
      this.text.startsWith(word, this.start)
    );
  }

  /** 1-based line of an offset at or after the last one asked for. */
  private lineOf(offset: number): number {
    const text = this.text;
    for (let i = text.indexOf('\n', this.lineCounted); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      this.line++;
      this.lineCounted = i + 1;
    }
    return this.line;
  }

  private comment(start: number, end: number): void {
    this.comments.push(hclComment(this.text, start, end, this.lineOf(start)));
  }

  private scan(): void {
    const text = this.text;
    const n = text.length;
    let i = this.pos;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === SPACE || c === TAB || c === LF || c === CR) {
        i++;
        continue;
      }
      if (c === HASH || (c === SLASH && text.charCodeAt(i + 1) === SLASH)) {
        let e = text.indexOf('\n', i);
        if (e < 0) e = n;
        this.comment(i, e);
        i = e;
        continue;
      }
      if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
        const close = text.indexOf('*/', i + 2);
        if (close < 0) giveUp('unterminated comment');
        this.comment(i, close + 2);
        i = close + 2;
        continue;
      }
      break;
    }
    this.start = i;
    if (i >= n) {
      this.type = 'eof';
      this.end = i;
      return;
    }
    const c = text.charCodeAt(i);
    const d = text.charCodeAt(i + 1);
    let type: string;
    let len = 1;
    if (isIdentStart(c)) {
      let j = i + 1;
      for (;;) {
        const k = text.charCodeAt(j);
        if (isIdentPart(k)) j++;
        else if (k === COLON && text.charCodeAt(j + 1) === COLON) j += 2;
        else break;
      }
      if (text.charCodeAt(j) >= 0x80) giveUp('non-ASCII identifier');
      type = 'ident';
      len = j - i;
    } else if (isDigit(c)) {
      type = 'number';
      len = numberLength(text, i);
    } else {
      switch (c) {
        case QUOTE:
          type = '"';
          break;
        case LBRACE:
          type = '{';
          break;
        case RBRACE:
          type = '}';
          break;
        case LBRACKET:
          if (d === STAR && text.charCodeAt(i + 2) === RBRACKET) {
            type = '[*]';
            len = 3;
          } else type = '[';
          break;
        case RBRACKET:
          type = ']';
          break;
        case LPAREN:
          type = '(';
          break;
        case RPAREN:
          type = ')';
          break;
        case COMMA:
          type = ',';
          break;
        case COLON:
          type = ':';
          break;
        case QUESTION:
          type = '?';
          break;
        case TILDE:
          type = '~';
          break;
        case PLUS:
          type = '+';
          break;
        case MINUS:
          type = '-';
          break;
        case STAR:
          type = '*';
          break;
        case SLASH:
          type = '/';
          break;
        case PERCENT:
          type = '%';
          break;
        case DOT:
          if (d === DOT && text.charCodeAt(i + 2) === DOT) {
            type = '...';
            len = 3;
          } else if (d === STAR) {
            type = '.*';
            len = 2;
          } else type = '.';
          break;
        case EQ:
          if (d === EQ) type = '==';
          else if (d === GT) type = '=>';
          else type = '=';
          break;
        case BANG:
          type = d === EQ ? '!=' : '!';
          break;
        case LT:
          if (d === LT) type = text.charCodeAt(i + 2) === MINUS ? '<<-' : '<<';
          else type = d === EQ ? '<=' : '<';
          break;
        case GT:
          type = d === EQ ? '>=' : '>';
          break;
        case AMP:
          if (d !== AMP) giveUp('`&`');
          type = '&&';
          break;
        case PIPE:
          if (d !== PIPE) giveUp('`|`');
          type = '||';
          break;
        default:
          giveUp(c >= 0x80 ? 'non-ASCII character outside strings and comments' : `character \`${text[i]}\``);
      }
      len = type.length;
    }
    this.type = type;
    this.end = i + len;
  }
}

/**
 * The length of the grammar's `numeric_lit` at `i` (`[0-9]+(\.[0-9]+([eE][-+]?[0-9]+)?)?` or
 * `0x[0-9a-zA-Z]+`). Gives up when a name character or a dot follows (`1e3`, `1.x`): the grammar
 * does not read those as one number.
 */
function numberLength(text: string, i: number): number {
  let j = i;
  if (
    text.charCodeAt(i) === DIGIT_0 &&
    text.charCodeAt(i + 1) === 120 /* x */ &&
    isAlnum(text.charCodeAt(i + 2))
  ) {
    j = i + 2;
    while (isAlnum(text.charCodeAt(j))) j++;
  } else {
    while (isDigit(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) === DOT && isDigit(text.charCodeAt(j + 1))) {
      j++;
      while (isDigit(text.charCodeAt(j))) j++;
      const e = text.charCodeAt(j);
      if (e === 69 || e === 101) {
        let k = j + 1;
        const s = text.charCodeAt(k);
        if (s === PLUS || s === MINUS) k++;
        if (isDigit(text.charCodeAt(k))) {
          while (isDigit(text.charCodeAt(k))) k++;
          j = k;
        }
      }
    }
  }
  const after = text.charCodeAt(j);
  if (isIdentStart(after) || after === DOT || after >= 0x80) giveUp('number followed by a name or a dot');
  return j - i;
}

function isAlnum(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
