import type { Loc, SourceFile } from '@plumbline/core';
import type { Document, Node } from 'yaml';
import { type SpanNode, type SpanPair, YamlSpans } from './spans.js';

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

/** Where one document's nodes sit in its file's span table, and the document's own range. */
export interface DocumentSpans {
  spans: YamlSpans;
  /** Id of the root node (-1 when the document is empty). */
  root: number;
  start: number;
  end: number;
}

/** Adds a parsed document to its file's span table and keeps it; `text` is the file's. */
export function documentSpans(spans: YamlSpans, doc: Document, text: string): DocumentSpans {
  const root = spans.add(doc);
  spans.keep(doc);
  return placeOf(spans, root, doc, text);
}

/** Where a document added to `spans` (root `root`) sits; `text` is the file's. */
export function placeOf(spans: YamlSpans, root: number, doc: Document, text: string): DocumentSpans {
  const [start, , end] = (doc.contents as Node | null)?.range ?? doc.range ?? [0, 0, 0];
  return placeAt(spans, root, start, end, text);
}

/** Where a document added to `spans` sits, from its contents' start and end (comments included). */
export function placeAt(
  spans: YamlSpans,
  root: number,
  start: number,
  end: number,
  text: string,
): DocumentSpans {
  return { spans, root, start, end: trimEnd(text, start, end) };
}

/**
 * One YAML document with its plain data and the way back from a route to source offsets.
 * Rules read `data`, and point at `at(route)` / `keyAt(route)`. The `yaml` node tree is not kept:
 * only the compact span table of its file (`spans.ts`).
 */
export class YamlDocument {
  private readonly spans: YamlSpans;
  private readonly root: number;
  private readonly start: number;
  private readonly end: number;

  constructor(
    readonly file: SourceFile,
    /** 0-based position in a multi-document file. */
    readonly index: number,
    readonly kind: DocumentKind,
    readonly data: unknown,
    /** The parsed document, or its place in a span table shared by the file's documents. */
    doc: Document | DocumentSpans,
  ) {
    let placed: DocumentSpans;
    if ('spans' in doc && doc.spans instanceof YamlSpans) placed = doc;
    else {
      placed = documentSpans(new YamlSpans(file.text), doc as Document, file.text);
      placed.spans.seal();
    }
    ({ spans: this.spans, root: this.root, start: this.start, end: this.end } = placed);
  }

  /** The whole document. */
  get loc(): Loc {
    return { file: this.file, start: this.start, end: this.end };
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

  /** The node at a route (aliases resolved): for scalar styles, raw ranges and edits. */
  node(route: Route): SpanNode | undefined {
    return this.walk(route)?.node ?? undefined;
  }

  /** Location of the key whose value is at the route (or of the item for a sequence index). */
  keyAt(route: Route): Loc | undefined {
    const found = this.walk(route);
    if (!found) return undefined;
    if (found.pair?.key?.kind === 'scalar') return this.nodeLoc(found.pair.key);
    // A sequence item: its first `key: value` line (`- name: app`) rather than the whole item.
    const first = found.node?.kind === 'map' ? found.node.pairs[0] : undefined;
    if (first?.key?.kind === 'scalar') {
      const end = first.value?.end ?? first.key.end;
      return {
        file: this.file,
        start: first.key.start,
        end: trimEnd(this.file.text, first.key.start, end),
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

  /** Whether an offset of the file falls in this document (its first character at least). */
  contains(offset: number): boolean {
    return offset >= this.start && offset < Math.max(this.end, this.start + 1);
  }

  /**
   * The route of the deepest node at an offset: map keys (as strings) and sequence indexes,
   * stopping at a scalar, an alias (not followed: the text at the offset is the alias) or where no
   * entry holds the offset. A key's entry runs from the key to the end of its value.
   */
  routeAt(offset: number): (string | number)[] {
    const route: (string | number)[] = [];
    let node = this.spans.view(this.root);
    for (let depth = 0; depth < 200 && node; depth++) {
      if (node.kind === 'map') {
        const pair = node.pairs.find(({ key, value }) => {
          const start = key?.start ?? Number.POSITIVE_INFINITY;
          const end = value?.end ?? key?.end ?? -1;
          return offset >= start && offset < Math.max(end, start + 1);
        });
        if (pair?.key?.kind !== 'scalar') return route;
        route.push(pair.key.isMergeKey ? '<<' : String(pair.key.keyValue));
        node = pair.value;
      } else if (node.kind === 'seq') {
        const index = node.items.findIndex(
          (item) => !!item && offset >= item.start && offset < Math.max(item.end, item.start + 1),
        );
        if (index < 0) return route;
        route.push(index);
        node = node.items[index]!;
      } else return route;
    }
    return route;
  }

  private walk(route: Route): { node: SpanNode | null; pair?: SpanPair } | undefined {
    let node: SpanNode | null = resolve(this.spans.view(this.root));
    let pair: SpanPair | undefined;
    for (const seg of route) {
      if (!node) return undefined;
      if (node.kind === 'map') {
        pair = pairOf(node, seg);
        if (!pair) return undefined;
        node = resolve(pair.value);
      } else if (node.kind === 'seq' && typeof seg === 'number') {
        const item = node.item(seg);
        if (item === undefined) return undefined;
        pair = undefined;
        node = resolve(item);
      } else {
        return undefined;
      }
    }
    return { node, pair };
  }

  private nodeLoc(node: SpanNode): Loc {
    const { start } = node;
    return { file: this.file, start, end: trimEnd(this.file.text, start, node.end) };
  }
}

/**
 * The pair of `key` in a map: its own, else the first found through merge keys (`<<: *defaults`,
 * `<<: [*a, *b]`), as YAML merges them: own keys win, then earlier merged maps. The span is where
 * the merged text is written, at the anchor. A key written twice (a manifest may: kubectl keeps
 * the last) is the last one, whose value the plain data holds.
 */
function pairOf(map: SpanNode, key: string | number, depth = 0): SpanPair | undefined {
  if (map.kind !== 'map' || depth > 16) return undefined;
  const own = map.ownPair(key);
  if (own || !map.hasMergeKey) return own;
  for (const merge of map.pairs.filter((p) => p.key?.isMergeKey)) {
    const value = resolve(merge.value);
    const sources = value?.kind === 'seq' ? value.items.map(resolve) : [value];
    for (const source of sources) {
      const found = source ? pairOf(source, key, depth + 1) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

/** Follows an alias to its anchored node. */
function resolve(node: SpanNode | null): SpanNode | null {
  let current = node;
  for (let i = 0; i < 16 && current?.kind === 'alias'; i++) current = current.target;
  return current;
}

/** Block values end after their trailing newline; stop spans at the last visible character. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}
