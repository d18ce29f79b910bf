import type { CST } from 'yaml';

/**
 * The CST nodes as this parser builds them: the shapes of `yaml`'s `CST` types (same fields,
 * created in the same order, so even `JSON.stringify` of both is the same), with one item type for
 * every collection (`yaml` types block-map items more narrowly than it builds them).
 */
export type Tok = CST.SourceToken;

export interface Item {
  start: Tok[];
  key?: Node | null;
  sep?: Tok[];
  value?: Node;
}

export interface DocumentNode {
  type: 'document';
  offset: number;
  start: Tok[];
  value?: Node;
  end?: Tok[];
}

export interface DocEndNode {
  type: 'doc-end';
  offset: number;
  source: string;
  end?: Tok[];
}

export interface ScalarNode {
  type: 'scalar' | 'single-quoted-scalar' | 'double-quoted-scalar';
  offset: number;
  indent: number;
  source: string;
  end?: Tok[];
}

export interface BlockScalarNode {
  type: 'block-scalar';
  offset: number;
  indent: number;
  props: Tok[];
  source: string;
}

export interface BlockNode {
  type: 'block-map' | 'block-seq';
  offset: number;
  indent: number;
  items: Item[];
}

export interface FlowNode {
  type: 'flow-collection';
  offset: number;
  indent: number;
  start: Tok;
  items: Item[];
  end: Tok[];
}

/** What the parser's stack holds. */
export type Open = DocumentNode | DocEndNode | ScalarNode | BlockScalarNode | BlockNode | FlowNode;

/** A value in the tree, or a top-level token. */
export type Node = Open | Tok;

/** Whether some token of `list` is of `type`. */
export function has(list: readonly Tok[], type: Tok['type']): boolean {
  for (let i = 0; i < list.length; i++) if (list[i]!.type === type) return true;
  return false;
}

/** Only spaces, comments and line breaks (what `yaml` calls no non-empty token). */
export function onlyBlank(list: readonly Tok[]): boolean {
  for (let i = 0; i < list.length; i++) {
    const type = list[i]!.type;
    if (type !== 'space' && type !== 'comment' && type !== 'newline') return false;
  }
  return true;
}

/** The `end` of a value, where a node has one: tokens after it on its line. */
export function endOf(node: Node | null | undefined): Tok[] | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
    case 'flow-collection':
    case 'document':
    case 'doc-end':
      return node.end;
  }
  return undefined;
}

/**
 * Where a new block map's first key finds its leading tokens: the list the parent was collecting
 * in front of what comes next (a document's start, a map pair's separator or else its start, a
 * sequence item's start).
 */
export function propsBefore(parent: Open): Tok[] {
  switch (parent.type) {
    case 'document':
      return parent.start;
    case 'block-map': {
      const last = parent.items[parent.items.length - 1]!;
      return last.sep ?? last.start;
    }
    case 'block-seq':
      return parent.items[parent.items.length - 1]!.start;
  }
  return [];
}

/**
 * Takes out of `list` the tokens that belong to a key starting now: those after the last line
 * break or indicator, less the spaces right after it.
 */
export function takeKeyStart(list: Tok[]): Tok[] {
  if (list.length === 0) return [];
  let at = list.length - 1;
  for (; at >= 0; at--) {
    const type = list[at]!.type;
    if (
      type === 'newline' ||
      type === 'map-value-ind' ||
      type === 'seq-item-ind' ||
      type === 'doc-start' ||
      type === 'explicit-key-ind'
    )
      break;
  }
  at++;
  while (at < list.length && list[at]!.type === 'space') at++;
  return at < list.length ? list.splice(at) : [];
}

/** Appends `source` to `target` (one by one: a spread of a long list could exhaust the stack). */
export function pushAll(target: Tok[], source: readonly Tok[]): void {
  for (let i = 0; i < source.length; i++) target.push(source[i]!);
}
