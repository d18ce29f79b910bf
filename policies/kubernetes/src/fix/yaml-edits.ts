/**
 * Format-preserving edits of a Kubernetes manifest: add keys to a mapping, an item to a list, or
 * replace a scalar, written the way the file around them is (block or flow style, the file's
 * indentation, its line ending, JSON quoting in a `.json` manifest). Every helper returns
 * undefined rather than guess: a mapping reached through an alias or holding a merge key (`<<`),
 * a key written twice, a block scalar that keeps its trailing lines, a key present but empty.
 */
import { insertAt, replaceLoc, type SourceFile, type TextEdit } from '@plumbline/core';
import type { K8sObject, Route, SpanNode, SpanPair } from '@plumbline/lang-yaml';

/** A value to add: a scalar, a list of strings (written `["ALL"]`), or a mapping of more keys. */
export type AddValue = boolean | string | readonly string[] | AddMap;
export interface AddMap {
  readonly [key: string]: AddValue;
}

interface Found {
  node: SpanNode | null;
  /** The pair whose value `node` is (absent for a sequence item or the document). */
  pair?: SpanPair;
}

type Of<K> = SpanNode & { readonly kind: K };
const isMap = (node: SpanNode | null | undefined): node is Of<'map'> => node?.kind === 'map';
const isSeq = (node: SpanNode | null | undefined): node is Of<'seq'> => node?.kind === 'seq';
const isScalar = (node: SpanNode | null | undefined): node is Of<'scalar'> => node?.kind === 'scalar';
const isAlias = (node: SpanNode | null | undefined): boolean => node?.kind === 'alias';
const keyOf = (pair: SpanPair): unknown => (isScalar(pair.key) ? pair.key.keyValue : pair.key);

/**
 * The node at `route` of the object, when every step on the way is written in place: no alias, no
 * merge key, no key written twice (kubectl keeps the last, the edit would land on the first).
 */
export function nodeAt(object: K8sObject, route: Route): Found | undefined {
  let found: Found = { node: object.doc.node([]) ?? null };
  for (const seg of [...object.base, ...route]) {
    const node = found.node;
    if (isMap(node)) {
      if (!plainMap(node)) return undefined;
      const pairs = node.pairs.filter((p) => keyOf(p) === seg);
      if (pairs.length !== 1 || isAlias(pairs[0]!.value)) return undefined;
      found = { node: pairs[0]!.value, pair: pairs[0]! };
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.item(seg);
      if (item === undefined || isAlias(item)) return undefined;
      found = { node: item };
    } else return undefined;
  }
  return found;
}

/** No merge key and no alias among its values. */
function plainMap(map: SpanNode): boolean {
  return map.pairs.every((p) => keyOf(p) !== '<<' && !isAlias(p.value) && isScalar(p.key));
}

/** `key:` with nothing after it (not `~` or `null`, which someone wrote on purpose). */
function isEmptyValue(file: SourceFile, node: SpanNode | null): boolean {
  if (node === null) return true;
  if (!isScalar(node) || !node.isNull) return false;
  return file.text.slice(node.start, node.end).trim() === '';
}

function isAddMap(value: AddValue): value is AddMap {
  return typeof value === 'object' && !Array.isArray(value);
}

const PLAIN = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const YAML_WORDS = /^(true|false|yes|no|on|off|null|y|n)$/i;

function scalarText(value: boolean | string, json: boolean): string {
  if (typeof value === 'boolean') return String(value);
  return !json && PLAIN.test(value) && !YAML_WORDS.test(value) ? value : JSON.stringify(value);
}

function valueText(value: AddValue, json: boolean): string {
  if (isAddMap(value)) return `{${flowEntries(value, json)}}`;
  if (Array.isArray(value)) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
  return scalarText(value as boolean | string, json);
}

function keyText(key: string, json: boolean): string {
  return json ? JSON.stringify(key) : key;
}

function flowEntries(entries: AddMap, json: boolean): string {
  return Object.entries(entries)
    .map(([k, v]) => `${keyText(k, json)}: ${valueText(v, json)}`)
    .join(', ');
}

/** Block lines, relative to the mapping's indentation; nested mappings indented by `step`. */
function blockLines(entries: AddMap, step: number): string[] {
  return Object.entries(entries).flatMap(([k, v]) =>
    isAddMap(v)
      ? [`${k}:`, ...blockLines(v, step).map((l) => `${' '.repeat(step)}${l}`)]
      : [`${k}: ${valueText(v, false)}`],
  );
}

/** Line ending per file, looked up once: a fix on each of 20,000 objects would scan the file each time. */
const eols = new WeakMap<SourceFile, string>();

function eolOf(file: SourceFile): string {
  let eol = eols.get(file);
  if (eol === undefined) {
    eol = file.text.includes('\r\n') ? '\r\n' : '\n';
    eols.set(file, eol);
  }
  return eol;
}

function lineEnd(file: SourceFile, offset: number): number {
  const line = file.position(offset).line;
  return file.offset(line, 1) + file.lineText(line).length;
}

function column(file: SourceFile, offset: number): number {
  return file.position(offset).column;
}

/** New lines after the line holding `offset`, each indented by `indent` spaces. */
function linesAfter(file: SourceFile, offset: number, indent: number, lines: string[]): TextEdit {
  const eol = eolOf(file);
  return insertAt(file, lineEnd(file, offset), lines.map((l) => `${eol}${' '.repeat(indent)}${l}`).join(''));
}

/** True when the node ends in a block scalar that keeps its trailing lines (`|+`): nothing may follow it. */
function endsInKeptScalar(file: SourceFile, node: SpanNode | null): boolean {
  let last: SpanNode | null = node;
  for (let i = 0; i < 64 && last; i++) {
    if (isMap(last)) last = last.pairs.at(-1)?.value ?? null;
    else if (isSeq(last)) last = last.items.at(-1) ?? null;
    else break;
  }
  if (!isScalar(last) || (last.style !== 'BLOCK_LITERAL' && last.style !== 'BLOCK_FOLDED')) return false;
  const header = file.lineText(file.position(last.start).line);
  return /[|>][0-9]*\+/.test(header);
}

export interface AddOptions {
  /** Spaces per nesting level of the file (see `indentStep`). */
  step: number;
  /** In a block mapping, add the keys after this key's entry (by default: after the mapping's own key line, or after the first entry of a list item). */
  after?: string;
}

/**
 * Edits that add `entries` to the mapping at `route` (recursing into mappings that exist, adding
 * only the keys that are missing). Undefined when a key to add is already there as a scalar (the
 * caller's view and the file disagree: never write a key twice) or the mapping cannot be edited
 * safely.
 */
export function addToMap(
  object: K8sObject,
  route: Route,
  entries: AddMap,
  options: AddOptions,
): TextEdit[] | undefined {
  const found = nodeAt(object, route);
  if (!found) return undefined;
  return addInto(object.file, found, entries, options);
}

/** The range of a pair's scalar key. */
function keyRange(pair: SpanPair | undefined): [number, number] | undefined {
  return pair && isScalar(pair.key) ? [pair.key.start, pair.key.end] : undefined;
}

function addInto(file: SourceFile, at: Found, entries: AddMap, options: AddOptions): TextEdit[] | undefined {
  const json = /\.json$/i.test(file.path);
  const { node, pair } = at;
  const key = keyRange(pair);
  // `securityContext:` with nothing after it: a block mapping to start under the key.
  if (isEmptyValue(file, node)) {
    if (!key || json) return undefined;
    const keyColumn = column(file, key[0]);
    return [linesAfter(file, key[0], keyColumn - 1 + options.step, blockLines(entries, options.step))];
  }
  if (!isMap(node) || !plainMap(node)) return undefined;
  // `securityContext: {}` under a block mapping: written as a block instead of a long flow line.
  if (node.flow && node.pairs.length === 0 && key && !json) {
    const { start, end } = node;
    const keyEnd = key[1];
    const between = file.text.slice(keyEnd, start);
    const rest = file.text.slice(end, lineEnd(file, end));
    if (/^\s*:\s*$/.test(between) && /^\s*(#.*)?$/.test(rest) && !between.includes('\n')) {
      const colon = keyEnd + between.indexOf(':') + 1;
      const keyColumn = column(file, key[0]);
      return [
        replaceLoc({ file, start: colon, end }, ''),
        linesAfter(file, end, keyColumn - 1 + options.step, blockLines(entries, options.step)),
      ];
    }
  }
  const edits: TextEdit[] = [];
  const missing: Record<string, AddValue> = {};
  for (const [key, value] of Object.entries(entries)) {
    const pairs = node.pairs.filter((p) => keyOf(p) === key);
    if (pairs.length > 1) return undefined;
    const existing = pairs[0];
    if (!existing) {
      missing[key] = value;
      continue;
    }
    // A key that is there already is never written again; only a mapping is filled in.
    if (!isAddMap(value)) return undefined;
    const inner = addInto(file, { node: existing.value, pair: existing }, value, options);
    if (!inner) return undefined;
    edits.push(...inner);
  }
  if (Object.keys(missing).length === 0) return edits;
  const added = node.flow
    ? addToFlowMap(file, node, missing, json, options.after)
    : addToBlockMap(file, node, pair, missing, options);
  return added ? [...edits, added] : undefined;
}

function addToFlowMap(
  file: SourceFile,
  map: SpanNode,
  entries: AddMap,
  json: boolean,
  after: string | undefined,
): TextEdit | undefined {
  const text = flowEntries(entries, json);
  const pairs = map.pairs;
  if (pairs.length === 0) return insertAt(file, map.start + 1, text);
  if (pairs.some((p) => !p.value)) return undefined;
  const anchor = (after !== undefined && pairs.find((p) => keyOf(p) === after)) || pairs.at(-1)!;
  return insertAt(file, anchor.value!.end, `, ${text}`);
}

function addToBlockMap(
  file: SourceFile,
  map: SpanNode,
  pair: SpanPair | undefined,
  entries: AddMap,
  options: AddOptions,
): TextEdit | undefined {
  const pairs = map.pairs;
  const first = pairs[0];
  if (!first?.key || !isScalar(first.key)) return undefined;
  const indent = column(file, first.key.start) - 1;
  const lines = blockLines(entries, options.step);
  const named = options.after !== undefined ? pairs.find((p) => keyOf(p) === options.after) : undefined;
  // After a named entry, or under the mapping's own key, or (a list item) after its first entry.
  const anchor = named ?? (pair?.key ? undefined : first);
  if (anchor) {
    const value = anchor.value;
    if (endsInKeptScalar(file, value)) return undefined;
    const end = value ? trimmedEnd(file, value.start, value.end) : anchor.key!.end;
    return linesAfter(file, end, indent, lines);
  }
  return linesAfter(file, pair!.key!.start, indent, lines);
}

function trimmedEnd(file: SourceFile, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(file.text[e - 1]!)) e--;
  return e;
}

/** An edit that adds `item` to the list at `route` (flow `[a, b]` or block `- a`), in the list's quoting. */
export function addToList(object: K8sObject, route: Route, item: string): TextEdit | undefined {
  const found = nodeAt(object, route);
  if (!found || !isSeq(found.node)) return undefined;
  const seq = found.node;
  const file = object.file;
  const json = /\.json$/i.test(file.path);
  const items = seq.items;
  if (items.some((i) => !isScalar(i))) return undefined;
  const firstItem = items[0];
  const quoted =
    json || (isScalar(firstItem) && firstItem.style === 'QUOTE_DOUBLE')
      ? JSON.stringify(item)
      : isScalar(firstItem) && firstItem.style === 'QUOTE_SINGLE'
        ? `'${item}'`
        : item;
  if (seq.flow) {
    if (items.length === 0) return insertAt(file, seq.start + 1, quoted);
    return insertAt(file, items.at(-1)!.end, `, ${quoted}`);
  }
  const last = items.at(-1);
  if (!last) return undefined;
  const dash = column(file, seq.start) - 1;
  if (file.text[seq.start] !== '-') return undefined;
  return linesAfter(file, trimmedEnd(file, last.start, last.end), dash, [`- ${quoted}`]);
}

/**
 * An edit that writes `text` in place of the scalar at `route`; a quoted string keeps its quotes,
 * a boolean is written plain (a quoted `"true"` is a string the API server refuses anyway).
 */
export function replaceScalar(
  object: K8sObject,
  route: Route,
  value: boolean | string,
): TextEdit | undefined {
  const found = nodeAt(object, route);
  const node = found?.node;
  if (!isScalar(node)) return undefined;
  const file = object.file;
  const loc = { file, start: node.start, end: node.end };
  if (typeof value === 'string' && node.style === 'QUOTE_DOUBLE')
    return replaceLoc(loc, JSON.stringify(value));
  if (typeof value === 'string' && node.style === 'QUOTE_SINGLE') return replaceLoc(loc, `'${value}'`);
  if (node.style !== 'PLAIN' && node.style !== 'QUOTE_DOUBLE' && node.style !== 'QUOTE_SINGLE')
    return undefined;
  return replaceLoc(loc, scalarText(value, /\.json$/i.test(file.path)));
}

/**
 * The file's indentation step near `route`: how far the entries of the nearest mapping with a key
 * of its own sit right of that key (2 when none is found).
 */
export function indentStep(object: K8sObject, route: Route): number {
  for (let n = route.length; n >= 0; n--) {
    const found = nodeAt(object, route.slice(0, n));
    const map = found?.node;
    const key = found?.pair?.key;
    if (!isMap(map) || map.flow || !key) continue;
    const firstKey = map.pairs[0]?.key;
    if (!firstKey) continue;
    const step = column(object.file, firstKey.start) - column(object.file, key.start);
    if (step > 0) return step;
  }
  return 2;
}
