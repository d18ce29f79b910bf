import type { CommentCollector } from '../comments.js';
import { type CstDocument, type CstSpans, keyName, setProperty } from '../cst-spans.js';
import { blockScalarBody, blockScalarHeader } from '../native-lexer/block-scalar.js';
import {
  BYTE_ORDER_MARK,
  COLON,
  DASH,
  DOT,
  DOUBLE_QUOTE,
  HASH,
  isBlank,
  isDocumentMarker,
  isFlowIndicator,
  LINE_FEED,
  SINGLE_QUOTE,
  SPACE,
} from '../native-lexer/characters.js';
import { GiveUp, giveUp } from '../native-lexer/give-up.js';
import { plainScalarEnd } from '../native-lexer/plain-scalar.js';
import { quotedScalarEnd } from '../native-lexer/quoted-scalar.js';
import type { YamlSpans } from '../spans.js';
import { Lines } from './lines.js';
import { blockScalarValue, resolvedValue } from './scalar-values.js';
import { Trail } from './trail.js';

/**
 * Reads `text` in one pass straight into `spans` (the rows `CstSpans` would add), the plain data
 * and `comments`, handing each document to `take` as it ends; or gives up, returning why. After
 * giving up, `spans`, `comments` and what `take` was given are the caller's to throw away.
 */
export function readFused(
  text: string,
  spans: YamlSpans,
  builder: CstSpans,
  comments: CommentCollector,
  take: (doc: CstDocument) => void,
): string | undefined {
  try {
    new FusedReader(text, spans, builder, comments, take).read();
    return undefined;
  } catch (error) {
    if (error instanceof GiveUp) return error.reason;
    // `CstSpans.typed` leaves merge keys, dates and the like to the Composer by throwing its
    // give-up object; anything else (a stack overflow...) also leaves the file to the old path,
    // under a reason of its own so that the bench shows it.
    if (error instanceof Error) return `${error.name}: ${error.message}`;
    return 'a scalar type left to the Composer';
  }
}

/**
 * A recursive walk over the lines of block YAML: each collection reads its entries until a line
 * indented less than itself (or a `---`), and each value reads the blank and comment lines after
 * it (`Lines`), which `Trail` places as the Parser would. The `yaml` Lexer's rules for where a
 * scalar ends are the native lexer's own functions; the Composer's, for values, `CstSpans.typed`.
 */
class FusedReader {
  private readonly lines: Lines;
  private readonly trail = new Trail();
  /** The value and range end (with its trailing comments: the Composer's `range[2]`) of the node read last. */
  private value: unknown = null;
  private end = 0;
  /** Child ids of the open collections, as a stack; moved to `pending` when one closes. */
  private kids = new Int32Array(64);
  private kidCount = 0;
  /** The closed collections' children of the current document, until `spans.settle` lays them out. */
  private pending = new Int32Array(256);
  private pendingCount = 0;
  /** Where the key `key` read ends (after its `:`). */
  private afterKey = 0;
  /** Where the flow collection read last ends. */
  private afterFlow = 0;
  /** Where the scalar `scalarOnLine` read last ends. */
  private afterScalar = 0;
  private readonly addComment: (start: number, end: number) => void;

  constructor(
    private readonly text: string,
    private readonly spans: YamlSpans,
    private readonly builder: CstSpans,
    comments: CommentCollector,
    private readonly take: (doc: CstDocument) => void,
  ) {
    this.lines = new Lines(text);
    this.addComment = (start, end) => comments.add(start, end);
  }

  read(): void {
    const { text, lines } = this;
    // What the old path reads with quirks of its own (tabs as indentation, CRLF tokens, a BOM token).
    if (text.includes('\t')) giveUp('tab');
    if (text.includes('\r')) giveUp('carriage return');
    if (text.charCodeAt(0) === BYTE_ORDER_MARK) giveUp('byte order mark');
    // Blank and comment lines before the first document are outside it.
    lines.read(0, this.addComment);
    while (!lines.atEnd) {
      const at = lines.at;
      const code = text.charCodeAt(at);
      if (lines.indent === 0 && code === 37 /* % */) giveUp('directive');
      if (lines.indent === 0 && isDocumentMarker(text, at)) {
        if (code === DOT) giveUp('document end marker');
        this.markerLine(at + 3);
      }
      this.document();
    }
  }

  /** The rest of a `---` line: spaces and a comment at most. */
  private markerLine(from: number): void {
    this.lines.read(this.lineRest(from, 'content after ---'), this.addComment);
  }

  /** One document, from its first content line (or the line after its `---`) to the next `---` or the end. */
  private document(): void {
    const { lines, spans, text } = this;
    spans.begin();
    this.pendingCount = 0;
    this.kidCount = 0;
    if (lines.atEnd || this.atMarker()) {
      // `---` with nothing under it: an empty document (null data, which `readDocuments` drops).
      this.take({ root: -1, data: null, start: lines.at, end: lines.at });
      return;
    }
    if (lines.indent !== 0) giveUp('indented document');
    const at = lines.at;
    const code = text.charCodeAt(at);
    let root: number;
    if (code === 91 || code === 123) {
      // A flow collection as the root (JSON): its range runs to the end of its last line.
      root = this.flow(at, 0, true);
      this.end = this.lineRest(this.afterFlow, 'content after a flow collection');
      lines.read(this.end, this.addComment);
    } else root = this.isDash(at) ? this.seq(0, at) : this.map(0, at);
    if (!lines.atEnd && !this.atMarker()) giveUp('content after the root collection');
    spans.settle(this.pending);
    this.take({ root, data: this.value, start: at, end: this.end });
  }

  /** A block map whose first key is at `at`, in column `indent`. */
  private map(indent: number, first: number): number {
    const { lines, spans } = this;
    const id = spans.openLater(true, first, false);
    const base = this.kidCount;
    const object: Record<string, unknown> = {};
    const seen = this.builder.uniqueKeys ? new Set<unknown>() : undefined;
    let count = 0;
    let at = first;
    let end: number;
    for (;;) {
      const keyId = this.key(at, indent);
      const name = keyName(this.value, seen);
      if (name === undefined) giveUp('key the builder leaves to the Composer');
      spans.markKeyValue(keyId, this.value);
      const valueId = this.mapValue(indent);
      this.push(keyId);
      this.push(valueId);
      count++;
      setProperty(object, name, this.value);
      end = this.end;
      if (lines.atEnd || this.atMarker() || lines.indent < indent) break;
      if (lines.indent > indent) giveUp('line indented past its map');
      if (this.isDash(lines.at)) giveUp('sequence item after a value');
      at = lines.at;
    }
    return this.close(id, indent, count * 2, count, base, object, end);
  }

  /** A block sequence whose first `-` is at `at`, in column `indent`. */
  private seq(indent: number, first: number): number {
    const { lines, spans, text } = this;
    const id = spans.openLater(false, first, false);
    const base = this.kidCount;
    const array: unknown[] = [];
    let at = first;
    let end: number;
    for (;;) {
      let q = at + 1;
      while (text.charCodeAt(q) === SPACE) q++;
      const code = text.charCodeAt(q);
      if (code === LINE_FEED || code === HASH || q === text.length) this.push(this.itemBelow(q, indent));
      else this.push(this.inline(q, indent, indent + 1, q - at + indent));
      array.push(this.value);
      end = this.end;
      if (lines.atEnd || this.atMarker() || lines.indent < indent) break;
      if (lines.indent > indent) giveUp('line indented past its sequence');
      if (!this.isDash(lines.at)) break;
      at = lines.at;
    }
    return this.close(id, indent, array.length, array.length, base, array, end);
  }

  /** A `-` with nothing after it on its line (`q`): its value is the collection on the lines below. */
  private itemBelow(q: number, indent: number): number {
    const { text, lines } = this;
    let next = q;
    if (text.charCodeAt(q) === HASH) {
      next = lineEnd(text, q);
      this.addComment(q, next);
    }
    lines.read(next === text.length ? next : next + 1, this.addComment);
    if (lines.atEnd || this.atMarker() || lines.indent <= indent) giveUp('empty sequence item');
    return this.isDash(lines.at) ? this.seq(lines.indent, lines.at) : this.map(lines.indent, lines.at);
  }

  /**
   * Ends a collection: its children wait for `settle`, its row ends after its last value, and its
   * range (the parent's view of it) also takes the trailing comments it keeps.
   */
  private close(
    id: number,
    indent: number,
    slots: number,
    count: number,
    base: number,
    value: unknown,
    end: number,
  ): number {
    this.finish(id, slots, count, base, end);
    this.value = value;
    this.end = this.trail.keptBy(indent) ? this.trail.end : end;
    return id;
  }

  /** A collection's row ends at `end`; its children (from `base` on the stack) wait for `settle`. */
  private finish(id: number, slots: number, count: number, base: number, end: number): void {
    if (this.pendingCount + slots > this.pending.length) this.pending = grow(this.pending, slots);
    this.pending.set(this.kids.subarray(base, base + slots), this.pendingCount);
    this.spans.closeLater(id, end, count, this.pendingCount);
    this.pendingCount += slots;
    this.kidCount = base;
  }

  /** A key at `at` (a map's entry at column `indent`) up to its `:`; sets `value` and `afterKey`. */
  private key(at: number, indent: number): number {
    const { text } = this;
    const id = this.scalarOnLine(at, indent + 1, false, true);
    const end = this.afterScalar;
    if (end - at > 1000) giveUp('long key');
    let colon = end;
    while (text.charCodeAt(colon) === SPACE) colon++;
    if (text.charCodeAt(colon) !== COLON || !isBlank(text.charCodeAt(colon + 1))) giveUp('not a key');
    this.afterKey = colon + 1;
    return id;
  }

  /** The value after a key's `:` (`afterKey`), in a map at column `indent`. */
  private mapValue(indent: number): number {
    const { text, lines } = this;
    let q = this.afterKey;
    while (text.charCodeAt(q) === SPACE) q++;
    const code = text.charCodeAt(q);
    if (code !== LINE_FEED && code !== HASH && q !== text.length)
      return this.inline(q, indent, indent + 1, -1);
    // Nothing on the key's line: the value is on the lines below, or there is none.
    let comment = false;
    let next = q;
    if (code === HASH) {
      comment = true;
      next = lineEnd(text, q);
      this.addComment(q, next);
    }
    lines.read(next === text.length ? next : next + 1, this.addComment);
    if (!lines.atEnd && !this.atMarker()) {
      const dash = this.isDash(lines.at);
      if (lines.indent > indent || (lines.indent === indent && dash))
        return dash ? this.seq(lines.indent, lines.at) : this.map(lines.indent, lines.at);
    }
    // No value (null), placed after the `:` and its spaces; the separator holds the lines after it
    // (so nothing trails), and its range takes them when one of them is a comment.
    const value = this.builder.typed('', false);
    this.trail.clear();
    this.value = value;
    this.end = this.separatorEnd(indent, comment, q);
    return this.spans.scalar(q, q, 'PLAIN', value);
  }

  /**
   * Where the range of an empty value at `at` ends: at `at`, or, when a comment is in its separator
   * (`comment`: on the key's line), at the separator's end. The separator holds the lines read
   * after the key's; when the next content is at the map's own column (a `---` after a root map),
   * the Parser first moves its lines from the second line break after the last comment indented
   * past the map to the next item (`splitEmptyValue` of the native parser).
   */
  private separatorEnd(indent: number, comment: boolean, at: number): number {
    const { lines } = this;
    let count = lines.count;
    let end = lines.at;
    if (!lines.atEnd && lines.indent === indent) {
      // Line breaks as line indices: -1 for the key's line, which always has one here.
      let first = -1;
      let second = -2;
      for (let i = 0; i < count; i++) {
        if (lines.indents[i]! > indent) {
          first = -2;
          second = -2;
        }
        if (first === -2) first = i;
        else if (second === -2) second = i;
      }
      if (second !== -2) {
        count = second + 1;
        end = lines.ends[second]! - 1;
      }
    }
    for (let i = 0; i < count && !comment; i++) if (lines.indents[i]! >= 0) comment = true;
    return comment ? end : at;
  }

  /**
   * A value starting at `q` on the line of its key or `-` (`indent`: the collection holding it,
   * `minIndent`: how far a line must be indented to continue it, as the Lexer's `indentNext`). In a
   * sequence (`column` of `q`, else -1), a key there starts a compact map (`- name: x`).
   */
  private inline(q: number, indent: number, minIndent: number, column: number): number {
    const { text, spans } = this;
    const code = text.charCodeAt(q);
    // `- - a`: a sequence in a sequence's item, at the column of its own `-`.
    if (column >= 0 && this.isDash(q)) return this.seq(column, q);
    switch (code) {
      case 124: // |
      case 62: // >
        return this.blockScalar(q, indent, minIndent);
      case 91: // [
      case 123: {
        // {
        const id = this.flow(q, minIndent);
        this.settle(this.lineRest(this.afterFlow, 'content after a flow collection'), indent, true);
        return id;
      }
      case DOUBLE_QUOTE:
      case SINGLE_QUOTE: {
        const end = quotedScalarEnd(text, q, minIndent);
        if (column >= 0 && this.colonAfter(end)) return this.map(column, q);
        const value = this.quoted(q, end);
        const id = spans.scalar(q, end, code === DOUBLE_QUOTE ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', value);
        this.value = value;
        this.settle(this.lineRest(end, 'content after a quoted scalar'), indent, true);
        return id;
      }
    }
    if (!plainStart(text, q)) giveUp(`value starting with ${startName(text, q)}`);
    const end = plainScalarEnd(text, q, minIndent, false);
    if (this.colonAfter(end)) {
      if (column < 0) giveUp('a second key on a line');
      if (text.lastIndexOf('\n', end) >= q) giveUp('key over lines');
      return this.map(column, q);
    }
    const source = text.slice(q, end);
    const string = source.includes('\n') ? resolvedValue('scalar', q, source, this.builder.strict) : source;
    const value = this.builder.typed(string, false);
    const id = spans.scalar(q, end, 'PLAIN', value);
    this.value = value;
    this.settle(this.lineRest(end, 'content after a scalar'), indent, true);
    return id;
  }

  /**
   * A flow collection at `q` that closes on its line (`[a, "b"]`, `{k: v}`, nested ones), of
   * scalars and flow collections; sets `value` and `afterFlow` (after its closing bracket). Over
   * lines, pairs in sequences, keys without values and anything with an error give up.
   */
  private flow(q: number, minIndent: number, overLines = false): number {
    const { text, spans } = this;
    const map = text.charCodeAt(q) === 123;
    const close = map ? 125 : 93;
    const id = spans.openLater(map, q, true);
    const base = this.kidCount;
    const object: Record<string, unknown> = {};
    const array: unknown[] = [];
    const seen = map && this.builder.uniqueKeys ? new Set<unknown>() : undefined;
    let count = 0;
    let at = q + 1;
    for (;;) {
      at = this.flowSpace(at, overLines);
      if (text.charCodeAt(at) === close) break;
      if (count > 0) {
        if (text.charCodeAt(at) !== 44 /* , */) giveUp('flow collection over lines');
        at = this.flowSpace(at + 1, overLines);
        if (text.charCodeAt(at) === close) break;
      }
      const code = text.charCodeAt(at);
      if (code === LINE_FEED || code === HASH || at === text.length) giveUp('flow collection over lines');
      if (map) {
        const keyId = this.scalarOnLine(at, minIndent, true, true);
        const name = keyName(this.value, seen);
        if (name === undefined) giveUp('key the builder leaves to the Composer');
        spans.markKeyValue(keyId, this.value);
        at = this.afterScalar;
        while (text.charCodeAt(at) === SPACE) at++;
        if (text.charCodeAt(at) !== COLON) giveUp('flow map key without a value');
        at++;
        while (text.charCodeAt(at) === SPACE) at++;
        const valueId = this.flowItem(at, minIndent, overLines);
        this.push(keyId);
        this.push(valueId);
        setProperty(object, name, this.value);
      } else {
        this.push(this.flowItem(at, minIndent, overLines));
        array.push(this.value);
        let next = this.afterFlow;
        while (text.charCodeAt(next) === SPACE) next++;
        if (text.charCodeAt(next) === COLON) giveUp('pair in a flow sequence');
      }
      count++;
      at = this.afterFlow;
    }
    this.afterFlow = at + 1;
    this.finish(id, map ? count * 2 : count, count, base, at + 1);
    this.value = map ? object : array;
    return id;
  }

  /**
   * Spaces from `at` in a flow collection and, in one at the root of a document (`overLines`: a
   * JSON file, where the Lexer asks no indentation), line breaks; a `---` or `...` on the next line
   * would end the document there (an error).
   */
  private flowSpace(at: number, overLines: boolean): number {
    const { text } = this;
    for (;;) {
      const code = text.charCodeAt(at);
      if (code === SPACE) at++;
      else if (code === LINE_FEED && overLines) {
        at++;
        if (isDocumentMarker(text, at)) giveUp('document marker in a flow collection');
      } else return at;
    }
  }

  /** A value in a flow collection: a flow collection or a scalar; sets `value` and `afterFlow`. */
  private flowItem(at: number, minIndent: number, overLines: boolean): number {
    const code = this.text.charCodeAt(at);
    if (code === 91 || code === 123) return this.flow(at, minIndent, overLines);
    const id = this.scalarOnLine(at, minIndent, true, false);
    this.afterFlow = this.afterScalar;
    return id;
  }

  /**
   * A plain or quoted scalar that ends on its line (a key, or an item of a flow collection: `inFlow`);
   * sets `value` and `afterScalar`.
   */
  private scalarOnLine(at: number, minIndent: number, inFlow: boolean, atKey: boolean): number {
    const { text } = this;
    const code = text.charCodeAt(at);
    let end: number;
    let value: unknown;
    let style: 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      end = quotedScalarEnd(text, at, minIndent);
      value = this.quoted(at, end);
      style = code === DOUBLE_QUOTE ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
    } else {
      // In a flow, an indicator before a flow indicator (`[-]`) is one, as before white space.
      if (
        inFlow &&
        (code === DASH || code === 63 || code === COLON) &&
        isFlowIndicator(text.charCodeAt(at + 1))
      )
        giveUp('indicator in a flow collection');
      if (!plainStart(text, at))
        giveUp(`${atKey ? 'key' : 'flow item'} starting with ${startName(text, at)}`);
      end = plainScalarEnd(text, at, minIndent, inFlow);
      value = this.builder.typed(text.slice(at, end), atKey);
      style = 'PLAIN';
    }
    if (text.lastIndexOf('\n', end - 1) >= at)
      giveUp(inFlow ? 'flow collection over lines' : 'key over lines');
    this.afterScalar = end;
    this.value = value;
    return this.spans.scalar(at, end, style, value);
  }

  /** A `|` or `>` block scalar at `q`: its header line, then the body the Lexer gives it. */
  private blockScalar(q: number, indent: number, minIndent: number): number {
    const { text } = this;
    const header = blockScalarHeader(text, q);
    if (text.charCodeAt(header.end) === HASH) giveUp('comment against a block scalar header');
    const bodyStart = this.lineRest(header.end, 'content after a block scalar header');
    const body = blockScalarBody(text, bodyStart, minIndent, header);
    const { value, style } = blockScalarValue(
      q,
      text.slice(q, header.end),
      text.slice(bodyStart, body.end),
      indent,
      this.builder.strict,
    );
    const id = this.spans.scalar(q, body.end, style, value);
    this.value = value;
    this.settle(body.end, indent, false);
    return id;
  }

  /** A quoted scalar's value: the text between the quotes when nothing in it needs resolving. */
  private quoted(start: number, end: number): string {
    const { text } = this;
    const double = text.charCodeAt(start) === DOUBLE_QUOTE;
    const inner = text.slice(start + 1, end - 1);
    if (inner.includes('\n') || inner.includes(double ? '\\' : "'"))
      return resolvedValue(
        double ? 'double-quoted-scalar' : 'single-quoted-scalar',
        start,
        text.slice(start, end),
        this.builder.strict,
      );
    return inner;
  }

  /**
   * After a value ending at `from`: spaces, a comment after a space, the line break. Returns where
   * the next line starts (the value's range runs to there); anything else there gives up (`why`).
   */
  private lineRest(from: number, why: string): number {
    const { text } = this;
    let at = from;
    while (text.charCodeAt(at) === SPACE) at++;
    if (text.charCodeAt(at) === HASH) {
      if (at === from) giveUp('comment against a value');
      const end = lineEnd(text, at);
      this.addComment(at, end);
      at = end;
    }
    if (at === text.length) return at;
    if (text.charCodeAt(at) !== LINE_FEED) giveUp(why);
    return at + 1;
  }

  /** Reads the lines after a value whose line ends at `next` and places them (`Trail`). */
  private settle(next: number, indent: number, hasEnd: boolean): void {
    this.lines.read(next, this.addComment);
    this.trail.settle(this.lines, indent, hasEnd, next);
    this.end = this.trail.valueEnd;
  }

  /** A `:` indicator after a scalar ending at `end` (spaces between): the scalar is a key. */
  private colonAfter(end: number): boolean {
    const { text } = this;
    let at = end;
    while (text.charCodeAt(at) === SPACE) at++;
    return text.charCodeAt(at) === COLON && isBlank(text.charCodeAt(at + 1));
  }

  private isDash(at: number): boolean {
    return this.text.charCodeAt(at) === DASH && isBlank(this.text.charCodeAt(at + 1));
  }

  /** The next content line is a `---` or `...` (which ends every collection). */
  private atMarker(): boolean {
    return this.lines.indent === 0 && isDocumentMarker(this.text, this.lines.at);
  }

  private push(id: number): void {
    if (this.kidCount === this.kids.length) this.kids = grow(this.kids, 1);
    this.kids[this.kidCount++] = id;
  }
}

/**
 * Whether a plain scalar may start here as the old path reads it: not an indicator the native
 * lexer or parser gives up on or reads otherwise, nor a character `CstSpans` leaves to the Composer.
 */
function plainStart(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  switch (code) {
    case DASH:
    case 63: // ?
    case COLON:
      return !isBlank(text.charCodeAt(at + 1));
    case 33: // !
    case 38: // &
    case 42: // *
    case 37: // %
    case 64: // @
    case 96: // `
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case 124: // |
    case 62: // >
    case HASH:
    case DOUBLE_QUOTE:
    case SINGLE_QUOTE:
      return false;
  }
  return !Number.isNaN(code) && code !== LINE_FEED && code !== SPACE;
}

/** What a scalar that cannot start at `at` starts with, for the reasons of giving up. */
function startName(text: string, at: number): string {
  switch (text.charCodeAt(at)) {
    case 38:
      return 'an anchor';
    case 42:
      return 'an alias';
    case 33:
      return 'a tag';
    case 91:
    case 123:
      return 'a flow collection';
    case 124:
    case 62:
      return 'a block scalar';
  }
  return JSON.stringify(text.slice(at, at + 2));
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

function grow(array: Int32Array, more: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(Math.max(array.length * 2, array.length + more));
  next.set(array);
  return next;
}
