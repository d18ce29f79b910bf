import type { Loc, SourceFile } from '@plumbline/core';
import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';

/** A path into a YAML document: map keys and sequence indexes. */
export type Route = readonly (string | number)[];

export type DocumentKind =
  | 'k8s'
  | 'kustomization'
  | 'helm-values'
  | 'gha-workflow'
  | 'gha-action'
  | 'dependabot'
  | 'other';

/**
 * One YAML document with its plain data and the way back from a route to source offsets.
 * Rules read `data`, and point at `at(route)` / `keyAt(route)`.
 */
export class YamlDocument {
  constructor(
    readonly file: SourceFile,
    /** 0-based position in a multi-document file. */
    readonly index: number,
    readonly kind: DocumentKind,
    readonly data: unknown,
    private readonly doc: Document,
  ) {}

  /** The whole document. */
  get loc(): Loc {
    const contents = this.doc.contents;
    const [start, , end] = contents?.range ?? this.doc.range ?? [0, 0, 0];
    return { file: this.file, start, end: trimEnd(this.file.text, start, end) };
  }

  /** Plain value at a route. */
  get(route: Route): unknown {
    let value = this.data;
    for (const seg of route) {
      if (value === null || typeof value !== 'object') return undefined;
      value = (value as Record<string | number, unknown>)[seg];
    }
    return value;
  }

  /** Location of the value at a route (undefined when the route does not exist). */
  at(route: Route): Loc | undefined {
    const found = this.walk(route);
    if (!found?.node) return undefined;
    return this.nodeLoc(found.node);
  }

  /** The `yaml` node at a route (aliases resolved): for scalar styles and raw ranges. */
  node(route: Route): Node | undefined {
    return this.walk(route)?.node ?? undefined;
  }

  /** Location of the key whose value is at the route (or of the item for a sequence index). */
  keyAt(route: Route): Loc | undefined {
    const found = this.walk(route);
    if (!found) return undefined;
    if (found.pair && isScalar(found.pair.key)) return this.nodeLoc(found.pair.key as Node);
    // A sequence item: its first `key: value` line (`- name: app`) rather than the whole item.
    const first = found.node && isMap(found.node) ? (found.node.items[0] as Pair | undefined) : undefined;
    if (first && isScalar(first.key) && first.key.range) {
      const end = (first.value as Node | null)?.range?.[1] ?? first.key.range[1];
      return {
        file: this.file,
        start: first.key.range[0],
        end: trimEnd(this.file.text, first.key.range[0], end),
      };
    }
    return found.node ? this.nodeLoc(found.node) : undefined;
  }

  /**
   * The key of the route if present, otherwise the key of its deepest existing ancestor: where to
   * point when something is missing (`resources` absent → point at the container's `name`... or key).
   */
  nearest(route: Route): Loc {
    for (let n = route.length; n > 0; n--) {
      const loc = this.keyAt(route.slice(0, n));
      if (loc) return loc;
    }
    return this.loc;
  }

  private walk(route: Route): { node: Node | null; pair?: Pair } | undefined {
    let node: Node | null = this.resolve(this.doc.contents as Node | null);
    let pair: Pair | undefined;
    for (const seg of route) {
      if (!node) return undefined;
      if (isMap(node)) {
        pair = this.pairOf(node, seg);
        if (!pair) return undefined;
        node = this.resolve(pair.value as Node | null);
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as Node | undefined;
        if (item === undefined) return undefined;
        pair = undefined;
        node = this.resolve(item);
      } else {
        return undefined;
      }
    }
    return { node, pair };
  }

  /**
   * The pair of `key` in a map: its own, else the first found through merge keys (`<<: *defaults`,
   * `<<: [*a, *b]`), as YAML merges them: own keys win, then earlier merged maps. The span is where
   * the merged text is written, at the anchor.
   */
  private pairOf(map: Node, key: string | number, depth = 0): Pair | undefined {
    if (!isMap(map) || depth > 16) return undefined;
    const pairs = map.items.filter(isPair) as Pair[];
    const own = pairs.find((p) => keyValue(p.key) === key);
    if (own) return own;
    for (const merge of pairs.filter((p) => isMergeKey(p.key))) {
      const value = this.resolve(merge.value as Node | null);
      const sources = value && isSeq(value) ? value.items.map((i) => this.resolve(i as Node)) : [value];
      for (const source of sources) {
        const found = source ? this.pairOf(source, key, depth + 1) : undefined;
        if (found) return found;
      }
    }
    return undefined;
  }

  private resolve(node: Node | null): Node | null {
    let current = node;
    for (let i = 0; i < 16 && current && isAlias(current); i++)
      current = (current.resolve(this.doc) as Node) ?? null;
    return current;
  }

  private nodeLoc(node: Node): Loc {
    const [start, valueEnd] = node.range ?? [0, 0];
    return { file: this.file, start, end: trimEnd(this.file.text, start, valueEnd) };
  }
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol' && key.source === '<<';
}

function keyValue(key: unknown): unknown {
  return isScalar(key) ? key.value : key;
}

/** Block values end after their trailing newline; stop spans at the last visible character. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}
