import {
  type Alias,
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node,
  type Scalar,
  YAMLMap,
  YAMLSeq,
} from 'yaml';

/**
 * The shape and source ranges of parsed YAML documents, kept instead of the `yaml` node trees.
 * Rules read the plain data (`toJS`); locations, fixes and scalar styles need only each node's
 * kind, range and children, which fit in two integer arrays per file: a `yaml` tree costs ~170
 * bytes per node (a 20,000-object manifest held ~170 MB of them until the end of a run), a row
 * here 20. Map keys are compared against the file text, so most keys cost nothing to keep.
 */

export type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

const STYLES: readonly (ScalarStyle | undefined)[] = [
  undefined,
  'PLAIN',
  'QUOTE_DOUBLE',
  'QUOTE_SINGLE',
  'BLOCK_LITERAL',
  'BLOCK_FOLDED',
];

/** The code of each style in a row's flags (0: none). */
const STYLE_CODES: Record<ScalarStyle, number> = {
  PLAIN: 1,
  QUOTE_DOUBLE: 2,
  QUOTE_SINGLE: 3,
  BLOCK_LITERAL: 4,
  BLOCK_FOLDED: 5,
};

const MAP = 1;
const SEQ = 2;
const SCALAR = 3;
const ALIAS = 4;
/** Anything else (an unresolved node type): never matched by a route. */
const OTHER = 5;
const KIND_MASK = 0b111;
const STYLE_SHIFT = 3;
const STYLE_MASK = 0b111 << STYLE_SHIFT;
const FLOW = 1 << 6;
/** A scalar whose value is null (`key:` with nothing after it, `~`, `null`). */
const NULL_VALUE = 1 << 7;
/** A scalar key whose value is a string equal to its source text (`name:`). */
const KEY_IS_TEXT = 1 << 8;
/** The merge key `<<` (with `merge: true`). */
const MERGE_KEY = 1 << 9;

/** Columns of a node row: flags, range start, value end, child count, first child (or alias target). */
const WIDTH = 5;
const NONE = -1;

/** The value of a merge key `<<`: equal to no route segment (as the `yaml` package's symbol). */
export const MERGE = Symbol('<<');

/** What `YamlSpans.data` says when a document's plain data must come from `toJS`. */
export const NOT_PLAIN = Symbol('not plain');

/**
 * The property a scalar key names in the plain data, as `toJS` names it (`null` is `''`, numbers
 * and booleans their string), or undefined for what this walk leaves to `toJS`: a merge key (a
 * symbol, or `<<` plain), and values of other types (dates, binary, big integers).
 */
function propertyName(key: Scalar): string | undefined {
  const value = key.value;
  if (typeof value === 'string') return value === '<<' ? undefined : value;
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export type SpanKind = 'map' | 'seq' | 'scalar' | 'alias' | 'other';
const KINDS: readonly SpanKind[] = ['other', 'map', 'seq', 'scalar', 'alias', 'other'];

/**
 * The node table of one file's documents: `add` each parsed document as it comes (its `yaml` tree
 * can go right after), `seal` when the file is done; nodes are read through `SpanNode` views.
 */
export class YamlSpans {
  private nodes: Int32Array;
  private children: Int32Array;
  private nodeCount = 0;
  private childCount = 0;
  /** Key values that are not their source text (quoted, numbers, booleans), by node id. */
  private readonly keys = new Map<number, unknown>();
  /** Where the document being added starts in the table (to drop it). */
  private mark = { nodes: 0, children: 0 };
  /** Its anchored nodes (and aliases), by node: what its aliases may point at. */
  private anchored = new Map<Node, number>();
  /** Its aliases, resolved when it is kept. */
  private aliases: [number, Alias][] = [];
  /** Whether its plain data is all in `built` (else it comes from `toJS`). */
  private plain = true;
  /** The plain data of the node `addNode` added last. */
  private built: unknown = null;

  /**
   * `text`: what was parsed (the file's text, or the lenient re-read of it); `rows`: the room to
   * start with (it doubles when full, and `seal` trims it).
   */
  constructor(
    private readonly text: string,
    rows = 52,
  ) {
    this.nodes = new Int32Array(rows * WIDTH);
    this.children = new Int32Array(rows);
  }

  /**
   * A table for all of `text`'s documents, sized for plain YAML (a row per ~16 characters) so that
   * it rarely grows: growing by doubling from a small table cost a few percent of the YAML read.
   */
  static forFile(text: string): YamlSpans {
    return new YamlSpans(text, Math.max(52, text.length >> 4));
  }

  /**
   * Adds a document's node tree; returns the id of its root (-1 when it has no contents). Its plain
   * data is built on the same walk (`data`). Then `keep` it, or `drop` it when the document is not
   * kept (the table is as before `add`).
   */
  add(doc: Document): number {
    this.mark = { nodes: this.nodeCount, children: this.childCount };
    this.anchored = new Map();
    this.aliases = [];
    this.plain = true;
    return this.addNode(doc.contents as Node | null);
  }

  /**
   * The plain data of the document just added, as `doc.toJS()` gives it, or `NOT_PLAIN` when the
   * walk met what it leaves to `toJS` (aliases, merge keys, tags with classes of their own, keys
   * that are not strings, numbers, booleans or null).
   */
  get data(): unknown {
    return this.plain ? this.built : NOT_PLAIN;
  }

  /**
   * Starts a document whose rows are added one by one (`openMap`, `openSeq`, `close`, `scalar`,
   * `setChild`, `markKeyValue`: the CST builder of `cst-spans.ts`), in the order `add` would add
   * them. Then `keep` or `drop` it, as after `add`.
   */
  begin(): void {
    this.mark = { nodes: this.nodeCount, children: this.childCount };
    this.anchored = new Map();
    this.aliases = [];
    this.plain = true;
  }

  /** A block or flow mapping row with `count` pairs of child slots; its end comes with `close`. */
  openMap(start: number, count: number, flow: boolean): number {
    return this.open(MAP, start, count * 2, count, flow);
  }

  /** A block or flow sequence row with `count` child slots; its end comes with `close`. */
  openSeq(start: number, count: number, flow: boolean): number {
    return this.open(SEQ, start, count, count, flow);
  }

  /** Where the value of a map or sequence opened by `openMap`/`openSeq` ends. */
  close(id: number, end: number): void {
    this.nodes[id * WIDTH + 2] = end;
  }

  /** Child slot `index` of a collection (pairs take two: key, then value). */
  setChild(parent: number, index: number, child: number): void {
    this.children[this.nodes[parent * WIDTH + 4]! + index] = child;
  }

  /** A scalar row; `style` as `Scalar.type` gives it. */
  scalar(start: number, end: number, style: ScalarStyle, value: unknown): number {
    const id = this.row();
    const at = id * WIDTH;
    this.nodes[at] = SCALAR | (STYLE_CODES[style] << STYLE_SHIFT) | (value === null ? NULL_VALUE : 0);
    this.nodes[at + 1] = start;
    this.nodes[at + 2] = end;
    this.nodes[at + 4] = NONE;
    return id;
  }

  /**
   * A map or sequence row whose children are not known yet (the fused reader adds rows in the same
   * order as `openMap`/`openSeq`, but learns a collection's size only when it ends): `closeLater`
   * gives its end, size and where its children wait, `settle` lays them out once the document ends.
   */
  openLater(map: boolean, start: number, flow: boolean): number {
    const id = this.row();
    const at = id * WIDTH;
    this.nodes[at] = (map ? MAP : SEQ) | (flow ? FLOW : 0);
    this.nodes[at + 1] = start;
    this.nodes[at + 4] = NONE;
    return id;
  }

  /** Ends a row of `openLater`: `count` entries, whose child ids are in `pending` of `settle` from `from`. */
  closeLater(id: number, end: number, count: number, from: number): void {
    const at = id * WIDTH;
    this.nodes[at + 2] = end;
    this.nodes[at + 3] = count;
    this.nodes[at + 4] = from;
  }

  /**
   * Gives the collections of the document begun last their child slots, in row order: the slots
   * `openMap`/`openSeq` would have reserved as they went (a collection's row, then its block).
   */
  settle(pending: Int32Array): void {
    for (let id = this.mark.nodes; id < this.nodeCount; id++) {
      const at = id * WIDTH;
      const kind = this.nodes[at]! & KIND_MASK;
      if (kind !== MAP && kind !== SEQ) continue;
      const slots = kind === MAP ? this.nodes[at + 3]! * 2 : this.nodes[at + 3]!;
      const from = this.nodes[at + 4]!;
      const first = this.reserve(slots);
      this.children.set(pending.subarray(from, from + slots), first);
      this.nodes[at + 4] = first;
    }
  }

  /** Marks scalar row `id` as a map key whose value is `value` (never the merge key). */
  markKeyValue(id: number, value: unknown): void {
    this.markKey(id, { value });
  }

  /** Keeps the document just added: its aliases point at nodes of their own document. */
  keep(doc?: Document): void {
    for (const [id, alias] of this.aliases) {
      let target: Node | null = alias;
      for (let i = 0; i < 16 && target && isAlias(target); i++)
        target = (target.resolve(doc as Document) as Node | undefined) ?? null;
      this.nodes[id * WIDTH + 4] = target ? (this.anchored.get(target) ?? NONE) : NONE;
    }
    this.aliases = [];
    this.anchored = new Map();
  }

  /** Takes the document just added back out (its aliases were never resolved: no cost for a bomb). */
  drop(): void {
    for (const id of this.keys.keys()) if (id >= this.mark.nodes) this.keys.delete(id);
    this.nodes.fill(0, this.mark.nodes * WIDTH, this.nodeCount * WIDTH);
    this.children.fill(0, this.mark.children, this.childCount);
    this.nodeCount = this.mark.nodes;
    this.childCount = this.mark.children;
    this.aliases = [];
    this.anchored = new Map();
  }

  /** Gives back the unused room once every document is in. */
  seal(): void {
    this.nodes = this.nodes.slice(0, this.nodeCount * WIDTH);
    this.children = this.children.slice(0, this.childCount);
  }

  /** @internal The rows and key values as they stand: what two ways of filling the table compare. */
  snapshot(): { nodes: Int32Array; children: Int32Array; keys: [number, unknown][] } {
    return {
      nodes: this.nodes.slice(0, this.nodeCount * WIDTH),
      children: this.children.slice(0, this.childCount),
      keys: [...this.keys].sort((a, b) => a[0] - b[0]),
    };
  }

  /** A view of node `id` (null for none). */
  view(id: number): SpanNode | null {
    return id === NONE || id === undefined ? null : new SpanNode(this, id);
  }

  /** @internal */
  flags(id: number): number {
    return this.nodes[id * WIDTH]!;
  }

  /** @internal */
  field(id: number, column: number): number {
    return this.nodes[id * WIDTH + column]!;
  }

  /** @internal */
  child(index: number): number {
    return this.children[index]!;
  }

  /** @internal Whether a scalar key's value is `segment` (no string made for plain keys). */
  keyIs(id: number, segment: string | number): boolean {
    const flags = this.flags(id);
    if (flags & MERGE_KEY) return false;
    if (flags & KEY_IS_TEXT) {
      const start = this.field(id, 1);
      return (
        typeof segment === 'string' &&
        segment.length === this.field(id, 2) - start &&
        this.text.startsWith(segment, start)
      );
    }
    return this.keys.get(id) === segment;
  }

  /** @internal The value of a scalar key, as the `yaml` package gives it. */
  keyValue(id: number): unknown {
    const flags = this.flags(id);
    if (flags & MERGE_KEY) return MERGE;
    if (flags & KEY_IS_TEXT) return this.text.slice(this.field(id, 1), this.field(id, 2));
    return this.keys.get(id);
  }

  /** Adds `node` and what is under it; leaves its plain data in `built`. */
  private addNode(node: Node | null | undefined): number {
    if (node === null || node === undefined) {
      this.built = null;
      return NONE;
    }
    const id = this.row();
    // Only anchors and aliases can be an alias's target (a chain of aliases is an error).
    if (node.anchor || isAlias(node)) this.anchored.set(node, id);
    const at = id * WIDTH;
    const range = node.range;
    this.nodes[at + 1] = range ? range[0] : 0;
    this.nodes[at + 2] = range ? range[1] : 0;
    this.nodes[at + 4] = NONE;
    if (isMap(node)) {
      const pairs = node.items;
      const count = pairs.length;
      const first = this.reserve(count * 2);
      this.nodes[at] = MAP | (node.flow ? FLOW : 0);
      this.nodes[at + 3] = count;
      this.nodes[at + 4] = first;
      // `toJS` makes a plain object of a map of this exact class (`!!set`, `!!omap` are others).
      if (node.constructor !== YAMLMap) this.plain = false;
      const object: Record<string, unknown> = {};
      for (let i = 0; i < count; i++) {
        const pair = pairs[i];
        const key = isPair(pair) ? (pair.key as Node | null) : null;
        // Ids first, then the writes: adding a child may replace `this.children` with a larger array.
        const keyId = this.addNode(key);
        let name: string | undefined;
        if (keyId !== NONE && isScalar(key)) {
          this.markKey(keyId, key);
          name = propertyName(key);
        }
        if (name === undefined) this.plain = false;
        const valueId = this.addNode(isPair(pair) ? (pair.value as Node | null) : null);
        this.children[first + i * 2] = keyId;
        this.children[first + i * 2 + 1] = valueId;
        if (!this.plain) continue;
        // As `toJS` sets a key: `__proto__` is a key like any other, not the object's prototype.
        if (name === '__proto__')
          Object.defineProperty(object, name, {
            value: this.built,
            writable: true,
            enumerable: true,
            configurable: true,
          });
        else object[name as string] = this.built;
      }
      this.built = object;
    } else if (isSeq(node)) {
      const items = node.items as (Node | null)[];
      const count = items.length;
      const first = this.reserve(count);
      this.nodes[at] = SEQ | (node.flow ? FLOW : 0);
      this.nodes[at + 3] = count;
      this.nodes[at + 4] = first;
      if (node.constructor !== YAMLSeq) this.plain = false;
      const array: unknown[] = [];
      for (let i = 0; i < count; i++) {
        const item = items[i];
        // A pair in a sequence (`[a: 1]`) becomes a one-key map through `toJS`.
        if (isPair(item)) this.plain = false;
        const itemId = this.addNode(item);
        this.children[first + i] = itemId;
        array.push(this.built);
      }
      this.built = array;
    } else if (isScalar(node)) {
      const style = Math.max(0, STYLES.indexOf(node.type as ScalarStyle | undefined));
      this.nodes[at] = SCALAR | (style << STYLE_SHIFT) | (node.value === null ? NULL_VALUE : 0);
      // What `toJS` gives a scalar (it keeps values as the schema resolved them).
      this.built = node.value;
    } else if (isAlias(node)) {
      this.nodes[at] = ALIAS;
      this.aliases.push([id, node]);
      this.plain = false;
      this.built = undefined;
    } else {
      this.nodes[at] = OTHER;
      this.plain = false;
      this.built = undefined;
    }
    return id;
  }

  private open(kind: number, start: number, slots: number, count: number, flow: boolean): number {
    const id = this.row();
    const first = this.reserve(slots);
    const at = id * WIDTH;
    this.nodes[at] = kind | (flow ? FLOW : 0);
    this.nodes[at + 1] = start;
    this.nodes[at + 3] = count;
    this.nodes[at + 4] = first;
    return id;
  }

  private markKey(id: number, key: { value: unknown; source?: string }): void {
    const at = id * WIDTH;
    if (typeof key.value === 'symbol' && key.source === '<<') {
      this.nodes[at]! |= MERGE_KEY;
      return;
    }
    const start = this.nodes[at + 1]!;
    const end = this.nodes[at + 2]!;
    if (
      typeof key.value === 'string' &&
      key.value.length === end - start &&
      this.text.startsWith(key.value, start)
    )
      this.nodes[at]! |= KEY_IS_TEXT;
    else this.keys.set(id, key.value);
  }

  private row(): number {
    if ((this.nodeCount + 1) * WIDTH > this.nodes.length) this.nodes = grow(this.nodes);
    return this.nodeCount++;
  }

  private reserve(count: number): number {
    while (this.childCount + count > this.children.length) this.children = grow(this.children);
    const first = this.childCount;
    this.childCount += count;
    return first;
  }
}

function grow(array: Int32Array): Int32Array {
  const next = new Int32Array(array.length * 2);
  next.set(array);
  return next;
}

/** One entry of a mapping. */
export interface SpanPair {
  readonly key: SpanNode | null;
  readonly value: SpanNode | null;
}

/** A read-only view of one node: made on demand, cheap, not kept. */
export class SpanNode {
  constructor(
    private readonly spans: YamlSpans,
    readonly id: number,
  ) {}

  get kind(): SpanKind {
    return KINDS[this.spans.flags(this.id) & KIND_MASK]!;
  }

  /** Offset where the node starts (its anchor or tag included). */
  get start(): number {
    return this.spans.field(this.id, 1);
  }

  /** Offset where its value ends (before a trailing comment). */
  get end(): number {
    return this.spans.field(this.id, 2);
  }

  /** A flow collection (`{a: 1}`, `[a]`). */
  get flow(): boolean {
    return (this.spans.flags(this.id) & FLOW) !== 0;
  }

  /** How a scalar is written; undefined for collections. */
  get style(): ScalarStyle | undefined {
    return STYLES[(this.spans.flags(this.id) & STYLE_MASK) >> STYLE_SHIFT];
  }

  /** A scalar whose value is null (`key:` alone, `~`, `null`). */
  get isNull(): boolean {
    return (this.spans.flags(this.id) & NULL_VALUE) !== 0;
  }

  /** A merge key `<<`. */
  get isMergeKey(): boolean {
    return (this.spans.flags(this.id) & MERGE_KEY) !== 0;
  }

  /**
   * The value of a scalar used as a key, as the `yaml` package reads it (a string, a number,
   * `MERGE` for `<<`); a collection used as a key gives this view, equal to no route segment.
   */
  get keyValue(): unknown {
    return this.kind === 'scalar' ? this.spans.keyValue(this.id) : this;
  }

  /** A scalar key whose value is `segment` (cheaper than comparing `keyValue`). */
  keyIs(segment: string | number): boolean {
    return this.kind === 'scalar' && this.spans.keyIs(this.id, segment);
  }

  /**
   * The last entry of a mapping whose key is `segment` (a key written twice: the last, as kubectl
   * keeps it), or undefined; merged entries are not looked at. Views only what it returns.
   */
  ownPair(segment: string | number): SpanPair | undefined {
    if (this.kind !== 'map') return undefined;
    const spans = this.spans;
    const first = spans.field(this.id, 4);
    for (let i = spans.field(this.id, 3) - 1; i >= 0; i--) {
      const key = spans.child(first + i * 2);
      if (key !== NONE && KINDS[spans.flags(key) & KIND_MASK] === 'scalar' && spans.keyIs(key, segment))
        return { key: spans.view(key), value: spans.view(spans.child(first + i * 2 + 1)) };
    }
    return undefined;
  }

  /** Whether a mapping has a merge key (`<<`). */
  get hasMergeKey(): boolean {
    if (this.kind !== 'map') return false;
    const spans = this.spans;
    const first = spans.field(this.id, 4);
    for (let i = spans.field(this.id, 3) - 1; i >= 0; i--) {
      const key = spans.child(first + i * 2);
      if (key !== NONE && (spans.flags(key) & MERGE_KEY) !== 0) return true;
    }
    return false;
  }

  /** Entries of a mapping ([] for other nodes). */
  get pairs(): SpanPair[] {
    if (this.kind !== 'map') return [];
    const count = this.spans.field(this.id, 3);
    const first = this.spans.field(this.id, 4);
    const out: SpanPair[] = [];
    for (let i = 0; i < count; i++)
      out.push({
        key: this.spans.view(this.spans.child(first + i * 2)),
        value: this.spans.view(this.spans.child(first + i * 2 + 1)),
      });
    return out;
  }

  /** Items of a sequence ([] for other nodes). */
  get items(): (SpanNode | null)[] {
    if (this.kind !== 'seq') return [];
    const count = this.spans.field(this.id, 3);
    const first = this.spans.field(this.id, 4);
    const out: (SpanNode | null)[] = [];
    for (let i = 0; i < count; i++) out.push(this.spans.view(this.spans.child(first + i)));
    return out;
  }

  /** Item `index` of a sequence, without listing the others. */
  item(index: number): SpanNode | null | undefined {
    if (this.kind !== 'seq' || !Number.isInteger(index) || index < 0 || index >= this.spans.field(this.id, 3))
      return undefined;
    return this.spans.view(this.spans.child(this.spans.field(this.id, 4) + index));
  }

  /** The anchored node an alias points at (null when unresolved). */
  get target(): SpanNode | null {
    return this.kind === 'alias' ? this.spans.view(this.spans.field(this.id, 4)) : null;
  }
}
