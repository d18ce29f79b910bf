import { CST } from 'yaml';
import { blockScalarBody, blockScalarHeader } from './block-scalar.js';
import {
  AMPERSAND,
  ASTERISK,
  BANG,
  BYTE_ORDER_MARK,
  CARRIAGE_RETURN,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  DASH,
  DOUBLE_QUOTE,
  GREATER_THAN,
  HASH,
  isBlank,
  isDocumentMarker,
  isFlowIndicator,
  LINE_FEED,
  lineEndAt,
  OPEN_BRACE,
  OPEN_BRACKET,
  PERCENT,
  PIPE,
  QUESTION_MARK,
  SINGLE_QUOTE,
  SPACE,
  TAB,
} from './characters.js';
import { GiveUp, giveUp } from './give-up.js';
import { plainScalarEnd } from './plain-scalar.js';
import { quotedScalarEnd } from './quoted-scalar.js';

/**
 * The tokens `[...new Lexer().lex(text)]` of the `yaml` package would give, without its generators,
 * or `undefined` when the text holds something this lexer does not read exactly as that one does
 * (see README.md): the caller then lexes with `yaml`.
 */
export function lexNative(text: string): string[] | undefined {
  const tokens = lexNativeOrReason(text);
  return typeof tokens === 'string' ? undefined : tokens;
}

/** `lexNative`, or the reason it gave up (for tests and `bench/yaml-lexer.mjs`). */
export function lexNativeOrReason(text: string): string[] | string {
  if (hasLoneCarriageReturn(text)) return 'carriage return without line feed';
  try {
    return new NativeLexer(text).read();
  } catch (error) {
    if (error instanceof GiveUp) return error.reason;
    throw error;
  }
}

function hasLoneCarriageReturn(text: string): boolean {
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 2))
    if (text.charCodeAt(at + 1) !== LINE_FEED) return true;
  return false;
}

// Where the lexer is, as in the `yaml` Lexer: between documents (blank and comment lines, `...`),
// inside a line's content, inside a flow collection. The start of a line is always read at once
// with what follows it.
const STREAM = 0;
const CONTENT = 1;
const FLOW = 2;
type State = typeof STREAM | typeof CONTENT | typeof FLOW;

/**
 * One pass over the text, pushing the tokens as `yaml`'s Lexer yields them. The two numbers that
 * decide where scalars end are kept exactly as that lexer keeps them: `lineIndent` (the line's
 * indentation plus any `- ` in front of its content, its `indentValue`) and `minIndent` (how far a
 * line must be indented to continue a scalar, its `indentNext`).
 */
class NativeLexer {
  private readonly tokens: string[] = [];
  private at = 0;
  private lineIndent = 0;
  private minIndent = 0;
  private flowLevel = 0;
  /** After a quoted scalar or a closed collection in a flow: a `:` right after it is an indicator. */
  private afterFlowKey = false;

  constructor(private readonly text: string) {}

  read(): string[] {
    let state: State = STREAM;
    while (this.at < this.text.length) {
      if (state === STREAM) state = this.betweenDocuments();
      else if (state === CONTENT) state = this.content();
      else state = this.flow();
    }
    return this.tokens;
  }

  /** A line outside a document: blank or a comment, or the first line of the next document. */
  private betweenDocuments(): State {
    const { text } = this;
    if (text.charCodeAt(this.at) === BYTE_ORDER_MARK) this.take(this.at + 1);
    if (text.charCodeAt(this.at) === PERCENT) giveUp('directive');
    let first = this.at;
    while (text.charCodeAt(first) === SPACE || text.charCodeAt(first) === TAB) first++;
    const code = text.charCodeAt(first);
    if (code === HASH || code === LINE_FEED || code === CARRIAGE_RETURN || first === text.length) {
      this.spaces(true);
      this.takeIfAny(lineEndAt(text, this.at));
      this.lineBreak();
      return STREAM;
    }
    this.tokens.push(CST.DOCUMENT);
    return this.lineStart();
  }

  /** A document marker, or the indentation and the `- ` in front of a line's content. */
  private lineStart(): State {
    const { text } = this;
    const code = text.charCodeAt(this.at);
    if (isDocumentMarker(text, this.at)) {
      this.take(this.at + 3);
      this.lineIndent = 0;
      this.minIndent = 0;
      return code === DASH ? CONTENT : STREAM;
    }
    this.lineIndent = this.spaces(false);
    // As `yaml` does: a line indented less than a scalar needs ends it, unless its first character
    // stands alone (`- `, a one-character line).
    if (this.minIndent > this.lineIndent && !isBlank(text.charCodeAt(this.at + 1)))
      this.minIndent = this.lineIndent;
    if (text.charCodeAt(this.at) === TAB) giveUp('tab in indentation');
    for (;;) {
      const indicator = text.charCodeAt(this.at);
      if (
        (indicator !== DASH && indicator !== QUESTION_MARK && indicator !== COLON) ||
        !isBlank(text.charCodeAt(this.at + 1))
      )
        return CONTENT;
      if (indicator === QUESTION_MARK) giveUp('explicit key');
      if (indicator === COLON) giveUp('explicit value');
      this.take(this.at + 1);
      const width = 1 + this.spaces(true);
      this.minIndent = this.lineIndent + 1;
      this.lineIndent += width;
    }
  }

  /** The rest of a line of a block collection: `:` indicators, scalars, a comment, the line break. */
  private content(): State {
    const { text } = this;
    this.spaces(true);
    const lineEnd = lineEndAt(text, this.at);
    for (;;) {
      const code = text.charCodeAt(this.at);
      if (code === BANG) giveUp('tag');
      if (code === AMPERSAND) giveUp('anchor');
      if (
        (code !== DASH && code !== QUESTION_MARK && code !== COLON) ||
        !isBlank(text.charCodeAt(this.at + 1))
      )
        break;
      if (code === DASH) giveUp('sequence item after content');
      if (code === QUESTION_MARK) giveUp('explicit key');
      this.minIndent = this.lineIndent + 1;
      this.take(this.at + 1);
      this.spaces(true);
    }
    if (this.at >= lineEnd) {
      this.lineBreak();
      return this.lineStart();
    }
    switch (text.charCodeAt(this.at)) {
      case HASH:
        this.take(lineEnd);
        this.lineBreak();
        return this.lineStart();
      case OPEN_BRACKET:
      case OPEN_BRACE:
        this.take(this.at + 1);
        this.afterFlowKey = false;
        this.flowLevel = 1;
        return FLOW;
      case CLOSE_BRACKET:
      case CLOSE_BRACE:
        return giveUp('flow collection closed outside one');
      case ASTERISK:
        return giveUp('alias');
      case DOUBLE_QUOTE:
      case SINGLE_QUOTE:
        this.take(quotedScalarEnd(text, this.at, this.minIndent));
        return CONTENT;
      case PIPE:
      case GREATER_THAN:
        return this.blockScalar(lineEnd);
      default:
        this.plainScalar(false);
        return CONTENT;
    }
  }

  /** A `|` or `>` header with what follows it on its line, then the body. */
  private blockScalar(lineEnd: number): State {
    const header = blockScalarHeader(this.text, this.at);
    this.take(header.end);
    this.spaces(true);
    this.takeIfAny(lineEnd);
    this.lineBreak();
    const body = blockScalarBody(this.text, this.at, this.minIndent, header);
    this.minIndent = body.minIndent;
    this.scalar(body.end);
    return this.lineStart();
  }

  /** Inside `[...]` or `{...}`, on one line or several. */
  private flow(): State {
    const { text } = this;
    // Line breaks, each new line's indentation (spaces) and then any white space, until something else.
    let indent = -1;
    for (;;) {
      const broke = this.lineBreak();
      let width = 0;
      if (broke) {
        indent = this.spaces(false);
        this.lineIndent = indent;
        width = indent;
      }
      width += this.spaces(true);
      if (!broke && width === 0) break;
    }
    if (indent !== -1) {
      // A line of the collection indented too little ends it with an error (`yaml` emits a
      // flow-end token), except a closing bracket at the key's indentation.
      const first = text.charCodeAt(this.at);
      if ((indent < this.minIndent && first !== HASH) || (indent === 0 && isDocumentMarker(text, this.at))) {
        const closesAtKeyIndent =
          indent === this.minIndent - 1 &&
          this.flowLevel === 1 &&
          (first === CLOSE_BRACKET || first === CLOSE_BRACE);
        if (!closesAtKeyIndent) giveUp('flow collection indented too little');
      }
    }
    const lineEnd = lineEndAt(text, this.at);
    while (text.charCodeAt(this.at) === COMMA) {
      this.take(this.at + 1);
      this.spaces(true);
      this.afterFlowKey = false;
    }
    for (;;) {
      const code = text.charCodeAt(this.at);
      if (code === BANG) giveUp('tag');
      if (code === AMPERSAND) giveUp('anchor');
      if (code !== DASH && code !== QUESTION_MARK && code !== COLON) break;
      const after = text.charCodeAt(this.at + 1);
      if (!isBlank(after) && !isFlowIndicator(after)) break;
      if (code === DASH) giveUp('sequence item in a flow collection');
      if (code === QUESTION_MARK) giveUp('explicit key');
      this.afterFlowKey = false;
      this.take(this.at + 1);
      this.spaces(true);
    }
    const code = text.charCodeAt(this.at);
    switch (code) {
      case HASH:
        this.take(lineEnd);
        return FLOW;
      case OPEN_BRACKET:
      case OPEN_BRACE:
        this.take(this.at + 1);
        this.afterFlowKey = false;
        this.flowLevel++;
        return FLOW;
      case CLOSE_BRACKET:
      case CLOSE_BRACE:
        this.take(this.at + 1);
        this.afterFlowKey = true;
        this.flowLevel--;
        return this.flowLevel > 0 ? FLOW : CONTENT;
      case ASTERISK:
        return giveUp('alias');
      case DOUBLE_QUOTE:
      case SINGLE_QUOTE:
        this.afterFlowKey = true;
        this.take(quotedScalarEnd(text, this.at, this.minIndent));
        return FLOW;
    }
    // A line break (taken by the next call) or the end of the text.
    if (code === LINE_FEED || code === CARRIAGE_RETURN || Number.isNaN(code)) return FLOW;
    if (code === COLON && this.afterFlowKey) {
      this.afterFlowKey = false;
      this.take(this.at + 1);
      this.spaces(true);
      return FLOW;
    }
    this.afterFlowKey = false;
    this.plainScalar(true);
    return FLOW;
  }

  /** A token from here to `end`. */
  private take(end: number): void {
    this.tokens.push(this.text.slice(this.at, end));
    this.at = end;
  }

  private takeIfAny(end: number): void {
    if (end > this.at) this.take(end);
  }

  private plainScalar(inFlow: boolean): void {
    const end = plainScalarEnd(this.text, this.at, this.minIndent, inFlow);
    // Never reached (a plain scalar starts with a character it keeps), but a loop that stands
    // still would never end.
    if (end === this.at) giveUp('empty plain scalar');
    this.scalar(end);
  }

  /** A scalar's marker, then its text (empty for an empty block scalar). */
  private scalar(end: number): void {
    this.tokens.push(CST.SCALAR);
    this.take(end);
  }

  /** One token of the spaces (and tabs, when `withTabs`) from here; how many there were. */
  private spaces(withTabs: boolean): number {
    const { text } = this;
    let end = this.at;
    for (
      let code = text.charCodeAt(end);
      code === SPACE || (withTabs && code === TAB);
      code = text.charCodeAt(++end)
    );
    const count = end - this.at;
    this.takeIfAny(end);
    return count;
  }

  /** The line break here as a token, if there is one. */
  private lineBreak(): boolean {
    const code = this.text.charCodeAt(this.at);
    if (code === LINE_FEED) this.take(this.at + 1);
    else if (code === CARRIAGE_RETURN) this.take(this.at + 2);
    else return false;
    return true;
  }
}
