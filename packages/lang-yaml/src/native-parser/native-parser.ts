import type { CST } from 'yaml';
import { GiveUp, giveUp } from '../native-lexer/give-up.js';
import { settleFlowSeqItems } from './flow-seq-items.js';
import {
  type BlockNode,
  type BlockScalarNode,
  type DocEndNode,
  type DocumentNode,
  endOf,
  type FlowNode,
  has,
  type Item,
  type Node,
  type Open,
  onlyBlank,
  propsBefore,
  pushAll,
  type ScalarNode,
  type Tok,
  takeKeyStart,
} from './nodes.js';
import {
  BLOCK_SCALAR_HEADER,
  BYTE_ORDER_MARK,
  COMMA,
  COMMENT,
  DOC_END,
  DOC_MODE,
  DOC_START,
  DOUBLE_QUOTED,
  FLOW_MAP_END,
  FLOW_MAP_START,
  FLOW_SEQ_END,
  FLOW_SEQ_START,
  type Kind,
  kindOf,
  MAP_VALUE,
  NEWLINE,
  OTHER,
  otherReason,
  PLAIN,
  SCALAR_MARKER,
  SEQ_ITEM,
  SINGLE_QUOTED,
  SPACE,
  TYPE_OF,
} from './token-kinds.js';

/**
 * The top-level CST tokens `yaml`'s `new Parser()` would yield for these lexer tokens (documents,
 * comments and blank lines between them, `...`), in order, built without generators; or
 * `undefined` when the tokens hold something this parser does not build exactly as that one does
 * (see README.md). For tests and benches: `language.ts` streams them (`parseNativeTo`).
 */
export function parseNative(tokens: readonly string[]): CST.Token[] | undefined {
  const nodes = parseNativeOrReason(tokens);
  return typeof nodes === 'string' ? undefined : nodes;
}

/** `parseNative`, or the reason it gave up (for tests and `bench/yaml-parser.mjs`). */
export function parseNativeOrReason(tokens: readonly string[]): CST.Token[] | string {
  const nodes: CST.Token[] = [];
  const gaveUp = parseNativeTo(tokens, (node) => nodes.push(node));
  return gaveUp ? gaveUp.reason : nodes;
}

/** Where `parseNativeTo` gave up: why, and how many nodes it had handed over by then. */
export interface GaveUp {
  reason: string;
  handed: number;
}

/**
 * Hands each top-level node to `take` as soon as it is complete, as `yaml`'s Parser yields it (so a
 * file of many documents never holds all their trees at once); `undefined` when it read all the
 * tokens. When it gives up, the nodes it handed over are the ones `yaml`'s Parser yields first for
 * the same tokens (it reads them alike up to there): the caller lets that parser read the tokens
 * and skips as many.
 */
export function parseNativeTo(
  tokens: readonly string[],
  take: (node: CST.Token) => void,
): GaveUp | undefined {
  let handed = 0;
  try {
    new NativeParser((node) => {
      handed++;
      take(node as unknown as CST.Token);
    }).read(tokens);
    return undefined;
  } catch (error) {
    if (error instanceof GiveUp) return { reason: error.reason, handed };
    throw error;
  }
}

/**
 * `yaml`'s Parser as a loop: a stack of open nodes (the document, its collections, a scalar that
 * may still turn into a key), the current token's kind, offset and line indentation, and whether
 * the line has had content yet (`atNewLine`) or a key (`onKeyLine`). Each token is handed to the
 * node on top of the stack; a node that cannot take it is closed into its parent ("popped") and
 * the token is offered to the parent. Each method below is the step of one node type and returns
 * `true` when it popped and the token must be offered again.
 */
class NativeParser {
  private readonly stack: Open[] = [];
  /**
   * What each node of `stack` is, as a number: reading `type` from nodes of seven shapes at every
   * token is a slow (megamorphic) load; this cut the parser's time by about a sixth.
   */
  private readonly tags: Tag[] = [];
  /** The tag of the node `startValue` last returned. */
  private started: Tag = SCALAR_NODE;
  private kind: Kind = NEWLINE;
  private source = '';
  private offset = 0;
  /** The line's indentation so far: its leading spaces and `-` indicators. */
  private indent = 0;
  private atNewLine = true;
  private onKeyLine = false;

  constructor(private readonly take: (node: Node) => void) {}

  read(tokens: readonly string[]): void {
    const count = tokens.length;
    for (let i = 0; i < count; i++) {
      let source = tokens[i]!;
      let kind = kindOf(source);
      if (kind === SCALAR_MARKER) {
        // The marker's own token has no length; the scalar's text comes next.
        this.atNewLine = false;
        if (++i === count) giveUp('scalar marker at the end');
        source = tokens[i]!;
        kind = PLAIN;
        this.kind = kind;
        this.source = source;
        this.step();
        this.offset += source.length;
        continue;
      }
      if (kind === OTHER) giveUp(otherReason(source));
      this.kind = kind;
      this.source = source;
      this.step();
      switch (kind) {
        case NEWLINE:
          this.atNewLine = true;
          this.indent = 0;
          break;
        case SPACE:
          if (this.atNewLine && source.charCodeAt(0) === 0x20) this.indent += source.length;
          break;
        case SEQ_ITEM:
        case MAP_VALUE:
          if (this.atNewLine) this.indent += source.length;
          break;
        case DOC_MODE:
          // A marker, not text: no offset.
          continue;
        default:
          this.atNewLine = false;
      }
      this.offset += source.length;
    }
    while (this.tags.length > 0) this.pop();
  }

  /** The current token as a CST source token. */
  private token(): Tok {
    const type = TYPE_OF[this.kind] as Tok['type'];
    return { type, offset: this.offset, indent: this.indent, source: this.source };
  }

  private step(): void {
    const { stack, tags } = this;
    if (this.kind === DOC_END && tags[tags.length - 1] !== DOC_END_NODE) {
      // `...` closes whatever is open.
      while (tags.length > 0) this.pop();
      this.push({ type: 'doc-end', offset: this.offset, source: this.source }, DOC_END_NODE);
      return;
    }
    for (;;) {
      const depth = tags.length;
      if (depth === 0) {
        this.betweenDocuments();
        return;
      }
      const top = stack[depth - 1]!;
      let again: boolean;
      switch (tags[depth - 1]) {
        case DOCUMENT_NODE:
          again = this.document(top as DocumentNode);
          break;
        case SCALAR_NODE:
          again = this.scalar(top as ScalarNode);
          break;
        case BLOCK_SCALAR_NODE:
          if (this.kind === PLAIN) {
            (top as BlockScalarNode).source = this.source;
            // The body ends with its line break: the next token starts a line.
            this.atNewLine = true;
            this.indent = 0;
            this.pop();
            return;
          }
          if (this.kind !== SPACE && this.kind !== COMMENT && this.kind !== NEWLINE)
            giveUp('block scalar without a body');
          (top as BlockScalarNode).props.push(this.token());
          return;
        case MAP_NODE:
          again = this.blockMap(top as BlockNode);
          break;
        case SEQ_NODE:
          again = this.blockSeq(top as BlockNode);
          break;
        case FLOW_NODE:
          again = this.flowCollection(top as FlowNode);
          break;
        default: {
          const end = top as DocEndNode;
          if (this.kind !== DOC_MODE) {
            if (end.end) end.end.push(this.token());
            else end.end = [this.token()];
            if (this.kind === NEWLINE) this.pop();
          }
          return;
        }
      }
      if (!again) return;
    }
  }

  /** Outside any document: blank lines and comments pass through, anything else opens one. */
  private betweenDocuments(): void {
    switch (this.kind) {
      case BYTE_ORDER_MARK:
      case SPACE:
      case COMMENT:
      case NEWLINE:
        this.take(this.token());
        return;
      case DOC_MODE:
        this.push({ type: 'document', offset: this.offset, start: [] }, DOCUMENT_NODE);
        return;
      case DOC_START:
        this.push({ type: 'document', offset: this.offset, start: [this.token()] }, DOCUMENT_NODE);
        return;
    }
    giveUp(`${TYPE_OF[this.kind]} outside a document`);
  }

  private document(doc: DocumentNode): boolean {
    if (doc.value) return this.lineEnd(doc);
    switch (this.kind) {
      case DOC_START:
        // A second `---` after content closes this document; after `---` alone, it is kept.
        if (!onlyBlank(doc.start)) {
          this.pop();
          return true;
        }
        doc.start.push(this.token());
        return false;
      case SPACE:
      case COMMENT:
      case NEWLINE:
        doc.start.push(this.token());
        return false;
    }
    const value = this.startValue(doc);
    if (!value) giveUp(`${TYPE_OF[this.kind]} at the start of a document`);
    this.push(value, this.started);
    return false;
  }

  /** A scalar not yet closed: a `:` makes it the first key of a new map. */
  private scalar(scalar: ScalarNode): boolean {
    if (this.kind !== MAP_VALUE) return this.lineEnd(scalar);
    const parent = this.stack[this.stack.length - 2]!;
    if (this.tags[this.tags.length - 2] === FLOW_NODE) giveUp('block map in a flow collection');
    const start = takeKeyStart(propsBefore(parent));
    let sep: Tok[];
    if (scalar.end) {
      sep = scalar.end;
      sep.push(this.token());
      delete scalar.end;
    } else sep = [this.token()];
    this.replaceTop({
      type: 'block-map',
      offset: scalar.offset,
      indent: scalar.indent,
      items: [{ start, key: scalar, sep }],
    });
    this.onKeyLine = true;
    return false;
  }

  private blockMap(map: BlockNode): boolean {
    const { items } = map;
    const it = items[items.length - 1]!;
    switch (this.kind) {
      case NEWLINE:
        this.onKeyLine = false;
        if (it.value) this.afterValue(items, it.value);
        else if (it.sep) it.sep.push(this.token());
        else it.start.push(this.token());
        return false;
      case SPACE:
      case COMMENT:
        if (it.value) items.push({ start: [this.token()] });
        else if (it.sep) it.sep.push(this.token());
        else if (!this.indentedComment(items, it, map.indent)) it.start.push(this.token());
        return false;
    }
    if (this.indent >= map.indent) {
      const atMapIndent = !this.onKeyLine && this.indent === map.indent;
      const atNextItem = atMapIndent && it.sep !== undefined && this.kind !== SEQ_ITEM;
      // The next item's leading tokens: only allocated where an item is started.
      const start = atNextItem && it.sep && !it.value ? splitEmptyValue(it.sep, map.indent) : undefined;
      switch (this.kind) {
        case MAP_VALUE:
          if (!it.sep) {
            it.key = null;
            it.sep = [this.token()];
          } else if (it.value || atNextItem)
            items.push({ start: start ?? [], key: null, sep: [this.token()] });
          else if (has(it.sep, 'map-value-ind'))
            this.push(
              {
                type: 'block-map',
                offset: this.offset,
                indent: this.indent,
                items: [{ start: [], key: null, sep: [this.token()] }],
              },
              MAP_NODE,
            );
          else it.sep.push(this.token());
          this.onKeyLine = true;
          return false;
        case PLAIN:
        case SINGLE_QUOTED:
        case DOUBLE_QUOTED: {
          const scalar = this.flowScalar();
          if (atNextItem || it.value) {
            items.push({ start: start ?? [], key: scalar, sep: [] });
            this.onKeyLine = true;
          } else if (it.sep) this.push(scalar, SCALAR_NODE);
          else {
            it.key = scalar;
            it.sep = [];
            this.onKeyLine = true;
          }
          return false;
        }
        default: {
          const value = this.startValue(map);
          if (value) {
            if (this.started === SEQ_NODE) {
              if (it.sep && !has(it.sep, 'newline')) giveUp('sequence on the line of its key');
            } else if (atMapIndent) items.push({ start: start ?? [] });
            this.push(value, this.started);
            return false;
          }
        }
      }
    }
    this.pop();
    return true;
  }

  private blockSeq(seq: BlockNode): boolean {
    const { items } = seq;
    const it = items[items.length - 1]!;
    switch (this.kind) {
      case NEWLINE:
        if (it.value) this.afterValue(items, it.value);
        else it.start.push(this.token());
        return false;
      case SPACE:
      case COMMENT:
        if (it.value) items.push({ start: [this.token()] });
        else if (!this.indentedComment(items, it, seq.indent)) it.start.push(this.token());
        return false;
      case SEQ_ITEM:
        if (this.indent !== seq.indent) break;
        if (it.value || has(it.start, 'seq-item-ind')) items.push({ start: [this.token()] });
        else it.start.push(this.token());
        return false;
    }
    if (this.indent > seq.indent) {
      const value = this.startValue(seq);
      if (value) {
        this.push(value, this.started);
        return false;
      }
    }
    this.pop();
    return true;
  }

  private flowCollection(flow: FlowNode): boolean {
    const { items } = flow;
    const it = items[items.length - 1];
    if (flow.end.length === 0) {
      switch (this.kind) {
        case COMMA:
          if (!it || it.sep) items.push({ start: [this.token()] });
          else it.start.push(this.token());
          return false;
        case MAP_VALUE:
          if (!it || it.value) items.push({ start: [], key: null, sep: [this.token()] });
          else if (it.sep) it.sep.push(this.token());
          else {
            it.key = null;
            it.sep = [this.token()];
          }
          return false;
        case SPACE:
        case COMMENT:
        case NEWLINE:
          if (!it || it.value) items.push({ start: [this.token()] });
          else if (it.sep) it.sep.push(this.token());
          else it.start.push(this.token());
          return false;
        case PLAIN:
        case SINGLE_QUOTED:
        case DOUBLE_QUOTED: {
          const scalar = this.flowScalar();
          if (!it || it.value) items.push({ start: [], key: scalar, sep: [] });
          else if (it.sep) this.push(scalar, SCALAR_NODE);
          else {
            it.key = scalar;
            it.sep = [];
          }
          return false;
        }
        case FLOW_MAP_END:
        case FLOW_SEQ_END:
          flow.end.push(this.token());
          return false;
      }
      const value = this.startValue(flow);
      if (value) {
        if (this.started !== FLOW_NODE) giveUp(`${value.type} in a flow collection`);
        this.push(value, FLOW_NODE);
        return false;
      }
      this.pop();
      return true;
    }
    // Closed: a `:` after it makes it a key, anything else ends its line.
    const parent = this.stack[this.stack.length - 2]!;
    const parentTag = this.tags[this.tags.length - 2];
    if (parentTag === MAP_NODE) {
      const map = parent as BlockNode;
      if (
        (this.kind === MAP_VALUE && map.indent === flow.indent) ||
        (this.kind === NEWLINE && !map.items[map.items.length - 1]!.sep)
      ) {
        this.pop();
        return true;
      }
    }
    if (this.kind === MAP_VALUE && parentTag !== FLOW_NODE) {
      const start = takeKeyStart(propsBefore(parent));
      settleFlowSeqItems(flow);
      const sep = flow.end.splice(1, flow.end.length);
      sep.push(this.token());
      this.replaceTop({
        type: 'block-map',
        offset: flow.offset,
        indent: flow.indent,
        items: [{ start, key: flow, sep }],
      });
      this.onKeyLine = true;
      return false;
    }
    return this.lineEnd(flow);
  }

  /**
   * The rest of a value's line: spaces and a comment go to its `end`, the line break too (and
   * closes it); an indicator that belongs to the parent closes it and is offered there.
   */
  private lineEnd(node: ScalarNode | FlowNode | DocumentNode): boolean {
    switch (this.kind) {
      case COMMA:
      case DOC_START:
      case DOC_END:
      case FLOW_SEQ_END:
      case FLOW_MAP_END:
      case MAP_VALUE:
        this.pop();
        return true;
      case NEWLINE:
        this.onKeyLine = false;
        if (node.end) node.end.push(this.token());
        else node.end = [this.token()];
        this.pop();
        return false;
      case SPACE:
      case COMMENT:
        if (node.end) node.end.push(this.token());
        else node.end = [this.token()];
        return false;
    }
    // `yaml` keeps it in the `end` and the Composer reports it.
    return giveUp(`${TYPE_OF[this.kind]} after a value on its line`);
  }

  /** A line break after an item's value: to the value's `end` after a comment, else a new item. */
  private afterValue(items: Item[], value: Node): void {
    const end = endOf(value);
    if (end && end.length > 0 && end[end.length - 1]!.type === 'comment') end.push(this.token());
    else items.push({ start: [this.token()] });
  }

  /**
   * A comment indented past the collection, on a line after the previous item's value with only
   * blank lines between: it goes to that value's `end` (with those lines), and the empty item
   * that collected them is dropped. Whether it did.
   */
  private indentedComment(items: Item[], it: Item, indent: number): boolean {
    if (this.kind !== COMMENT || this.indent <= indent) return false;
    for (const token of it.start) if (token.type !== 'newline' && token.type !== 'space') return false;
    const end = endOf(items[items.length - 2]?.value);
    if (!end) return false;
    pushAll(end, it.start);
    end.push(this.token());
    items.pop();
    return true;
  }

  private flowScalar(): ScalarNode {
    return {
      type: TYPE_OF[this.kind] as ScalarNode['type'],
      offset: this.offset,
      indent: this.indent,
      source: this.source,
    };
  }

  /** The node a value starting with this token opens, if it opens one. */
  private startValue(parent: Open): Open | undefined {
    switch (this.kind) {
      case PLAIN:
      case SINGLE_QUOTED:
      case DOUBLE_QUOTED:
        this.started = SCALAR_NODE;
        return this.flowScalar();
      case BLOCK_SCALAR_HEADER:
        this.started = BLOCK_SCALAR_NODE;
        return {
          type: 'block-scalar',
          offset: this.offset,
          indent: this.indent,
          props: [this.token()],
          source: '',
        };
      case FLOW_MAP_START:
      case FLOW_SEQ_START:
        this.started = FLOW_NODE;
        return {
          type: 'flow-collection',
          offset: this.offset,
          indent: this.indent,
          start: this.token(),
          items: [],
          end: [],
        };
      case SEQ_ITEM:
        this.started = SEQ_NODE;
        return {
          type: 'block-seq',
          offset: this.offset,
          indent: this.indent,
          items: [{ start: [this.token()] }],
        };
      case MAP_VALUE: {
        this.started = MAP_NODE;
        this.onKeyLine = true;
        const start = takeKeyStart(propsBefore(parent));
        return {
          type: 'block-map',
          offset: this.offset,
          indent: this.indent,
          items: [{ start, key: null, sep: [this.token()] }],
        };
      }
    }
    return undefined;
  }

  private push(node: Open, tag: Tag): void {
    this.stack.push(node);
    this.tags.push(tag);
  }

  /** The scalar or flow collection on top turned into the first key of a new map. */
  private replaceTop(map: BlockNode): void {
    this.stack[this.stack.length - 1] = map;
    this.tags[this.tags.length - 1] = MAP_NODE;
  }

  /** Closes the top node into its parent, or yields it when it is at the top level. */
  private pop(): void {
    const node = this.stack.pop()!;
    const tag = this.tags.pop()!;
    const depth = this.tags.length;
    if (depth === 0) {
      this.take(node);
      return;
    }
    const top = this.stack[depth - 1]!;
    const topTag = this.tags[depth - 1]!;
    if (tag === BLOCK_SCALAR_NODE) {
      // A block scalar takes its parent's indentation, not its header's.
      (node as BlockScalarNode).indent =
        topTag === DOCUMENT_NODE || topTag === DOC_END_NODE ? 0 : (top as BlockNode).indent;
    } else if (tag === FLOW_NODE) {
      if (topTag === DOCUMENT_NODE) (node as FlowNode).indent = 0;
      settleFlowSeqItems(node as FlowNode);
    }
    switch (topTag) {
      case DOCUMENT_NODE:
        (top as DocumentNode).value = node;
        break;
      case MAP_NODE: {
        const { items } = top as BlockNode;
        const it = items[items.length - 1]!;
        if (it.value) {
          items.push({ start: [], key: node, sep: [] });
          this.onKeyLine = true;
          return;
        }
        if (!it.sep) {
          it.key = node;
          it.sep = [];
          this.onKeyLine = true;
          return;
        }
        it.value = node;
        break;
      }
      case SEQ_NODE: {
        const { items } = top as BlockNode;
        const it = items[items.length - 1]!;
        if (it.value) items.push({ start: [], value: node });
        else it.value = node;
        break;
      }
      case FLOW_NODE: {
        const { items } = top as FlowNode;
        const it = items[items.length - 1];
        if (!it || it.value) items.push({ start: [], key: node, sep: [] });
        else if (it.sep) it.value = node;
        else {
          it.key = node;
          it.sep = [];
        }
        return;
      }
      default:
        giveUp(`${node.type} closed into ${top.type}`);
    }
    if (tag === MAP_NODE || tag === SEQ_NODE)
      this.handBackTrailing(node as BlockNode, top as DocumentNode | BlockNode);
  }

  /**
   * A closed block collection whose last item holds only blank lines and comments not indented
   * past it: those belong after it, to the parent (a document's `end`, or an item of its own).
   */
  private handBackTrailing(node: BlockNode, top: DocumentNode | BlockNode): void {
    const last = node.items[node.items.length - 1];
    if (!last || last.sep || last.value || last.start.length === 0 || !onlyBlank(last.start)) return;
    if (node.indent !== 0)
      for (const token of last.start) if (token.type === 'comment' && token.indent >= node.indent) return;
    if (top.type === 'document') top.end = last.start;
    else top.items.push({ start: last.start });
    node.items.pop();
  }
}

// What a node on the stack is (`NativeParser.tags`).
type Tag = number;
const DOCUMENT_NODE = 0;
const DOC_END_NODE = 1;
const SCALAR_NODE = 2;
const BLOCK_SCALAR_NODE = 3;
const MAP_NODE = 4;
const SEQ_NODE = 5;
const FLOW_NODE = 6;

/**
 * For a key with no value yet, whose separator ends in blank lines, when the next key comes: the
 * lines after the first break of the last run of them (with spaces, and comments not indented past
 * the map, between) go to the next key's `start`. Taken out of `sep` even when unused, as `yaml` does.
 */
function splitEmptyValue(sep: Tok[], indent: number): Tok[] {
  let first = -1;
  let second = -1;
  for (let i = 0; i < sep.length; i++) {
    const token = sep[i]!;
    switch (token.type) {
      case 'newline':
        if (first < 0) first = i;
        else if (second < 0) second = i;
        break;
      case 'space':
        break;
      case 'comment':
        if (token.indent > indent) first = second = -1;
        break;
      default:
        first = second = -1;
    }
  }
  return second >= 0 ? sep.splice(second) : [];
}
