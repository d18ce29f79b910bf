import {
  CST,
  Document,
  type DocumentOptions,
  isScalar,
  type ParseOptions,
  type ScalarTag,
  type SchemaOptions,
} from 'yaml';
import type { ScalarStyle, YamlSpans } from './spans.js';

/**
 * The fast path of `readDocuments`: a document's span table rows and plain data built straight
 * from the parser's CST, without the `yaml` package's Composer (its node tree cost ~1.1 s of the
 * corpus' 3.8 s parse, and our walk over that tree ~0.7 s more).
 *
 * Each function below is the Composer's own (`compose-doc`, `resolve-block-map`, ...) cut down to
 * what plain YAML needs, in the same order, so that it adds the same rows, data and ranges. Where
 * the Composer would report an error or a warning, or meets what this file does not handle
 * (anchors, aliases, tags, explicit `?` keys, merge keys, keys that are not scalars, pairs in flow
 * sequences, a repeated key when keys must be unique), the builder gives up on the document: its
 * rows are dropped and the document goes through the Composer, which says what is wrong.
 */

type Options = DocumentOptions & ParseOptions & SchemaOptions;

/** Thrown where the builder leaves the document to the Composer (not an Error: no stack). */
const GIVE_UP = { giveUp: true } as const;

/** A document built from its CST: its root row (-1: none), plain data and contents' range. */
export interface CstDocument {
  root: number;
  data: unknown;
  start: number;
  end: number;
}

const NONE = -1;

/**
 * The tests of the core schema's scalar tags (YAML 1.2, with merge keys), whose matches all start
 * with one of `FIRST_CHARS` (or are empty): other plain scalars are strings without a test.
 */
const CORE_TESTS = new Set([
  '^(?:~|[Nn]ull|NULL)?$',
  '^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$',
  '^0o[0-7]+$',
  '^[-+]?[0-9]+$',
  '^0x[0-9a-fA-F]+$',
  '^(?:[-+]?\\.(?:inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN)$',
  '^[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)[eE][-+]?[0-9]+$',
  '^[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*)$',
  '^<<$',
]);
const FIRST_CHARS = new Uint8Array(128);
for (const c of '~nNtTfF0123456789+-.<') FIRST_CHARS[c.charCodeAt(0)] = 1;

/** What the builder takes from a document's options: its schema's tags, the options resolved. */
interface BuilderSchema {
  strict: boolean;
  uniqueKeys: boolean;
  resolved: Options;
  valueTags: ScalarTag[];
  keyTags: ScalarTag[];
  core: boolean;
}

/**
 * By the options' JSON: every file of a scan is read with one of a few option sets, and making a
 * Document to learn the schema cost ~100 ms over the corpus when done per file.
 */
const SCHEMAS = new Map<string, BuilderSchema | null>();
/** The same by the options object, for the frozen option sets `readPlan` hands out. */
const SCHEMA_OF = new WeakMap<Options, BuilderSchema | null>();

/** The options as a key, when they are all plain values (a function or a tag list is not cached). */
function plainKey(options: Options): string | undefined {
  for (const value of Object.values(options))
    if (value !== null && (typeof value === 'object' || typeof value === 'function')) return undefined;
  return JSON.stringify(options);
}

/**
 * The schema and options the Composer gives a document without directives (null: options the
 * builder does not read as the Composer does).
 */
function schemaFor(options: Options): BuilderSchema | null {
  const { schema, options: resolved } = new Document(undefined, options);
  if (
    schema.name !== 'core' ||
    schema.compat ||
    (options.version ?? '1.2') !== '1.2' ||
    resolved.stringKeys ||
    typeof resolved.uniqueKeys === 'function'
  )
    return null;
  const scalarTags = schema.tags.filter((tag): tag is ScalarTag => !tag.collection && !!tag.test);
  return {
    strict: resolved.strict,
    uniqueKeys: resolved.uniqueKeys !== false,
    resolved,
    valueTags: scalarTags.filter((tag) => tag.default === true),
    keyTags: scalarTags.filter((tag) => tag.default === true || tag.default === 'key'),
    core: scalarTags.every((tag) => CORE_TESTS.has(tag.test!.source) && !tag.test!.flags),
  };
}

export class CstSpans {
  /** Data and range of the node built last (as `composeNode` returns them). */
  private value: unknown = null;
  private start = 0;
  private valueEnd = 0;
  private end = 0;
  /** What `props` found last (as `resolveProps` returns it). */
  private found = false;
  private foundOffset = 0;
  private comment = false;
  private hasNewline = false;
  private comma = false;
  private propsEnd = 0;
  /** The style of the scalar `resolved` read last. */
  private style: ScalarStyle = 'PLAIN';

  private constructor(
    private readonly spans: YamlSpans,
    /** Read by the fused reader too (`fused-reader/`), which types scalars with `typed`. */
    readonly strict: boolean,
    readonly uniqueKeys: boolean,
    /** The options as the Composer gives them to a tag's `resolve` (defaults filled in). */
    private readonly options: Options,
    /** The schema's scalar tags that plain values (and keys) are tested against, in order. */
    private readonly valueTags: ScalarTag[],
    private readonly keyTags: ScalarTag[],
    /** Whether those are the core schema's (`FIRST_CHARS` then rules most scalars out). */
    private readonly core: boolean,
  ) {}

  /**
   * A builder for documents read with `options` into `spans`, or undefined when the options ask
   * for what it does not do as the Composer does (another schema or version, string keys, a
   * function comparing keys).
   */
  static for(options: Options, spans: YamlSpans): CstSpans | undefined {
    let schema = SCHEMA_OF.get(options);
    if (schema === undefined) {
      const key = plainKey(options);
      schema = key === undefined ? undefined : SCHEMAS.get(key);
      if (schema === undefined) {
        schema = schemaFor(options);
        if (key !== undefined) {
          if (SCHEMAS.size >= 16) SCHEMAS.clear();
          SCHEMAS.set(key, schema);
        }
      }
      // Only frozen options: a schema learnt from options changed later would be another's.
      if (key !== undefined && Object.isFrozen(options)) SCHEMA_OF.set(options, schema);
    }
    return schema
      ? new CstSpans(
          spans,
          schema.strict,
          schema.uniqueKeys,
          schema.resolved,
          schema.valueTags,
          schema.keyTags,
          schema.core,
        )
      : undefined;
  }

  /**
   * Adds the rows of `doc` to the span table (after `spans.begin()`), or gives up and leaves the
   * table as it was: undefined means the Composer must read it.
   */
  document(doc: CST.Document): CstDocument | undefined {
    this.spans.begin();
    try {
      return this.compose(doc);
    } catch {
      // GIVE_UP, or anything else thrown on the way (a stack overflow, a tag's `resolve`): the
      // Composer meets it too, and reports it as an error of the document.
      this.spans.drop();
      return undefined;
    }
  }

  /** Takes the document built last back out of the span table (the Composer reads it after all). */
  drop(): void {
    this.spans.drop();
  }

  /** `composeDoc`. */
  private compose({ offset, start, value, end }: CST.Document): CstDocument {
    this.props(start, 'doc-start', false, value ?? end?.[0], offset, 0, true);
    if (this.found && value && (value.type === 'block-map' || value.type === 'block-seq') && !this.hasNewline)
      throw GIVE_UP;
    const root = value ? this.node(value, false) : this.empty(this.propsEnd, start);
    // The document's own end is checked as the Composer does, never strictly.
    this.endOf(end, 0, this.end, false);
    return { root, data: this.value, start: this.start, end: this.end };
  }

  /** `composeNode` without properties (anchors, tags) and aliases. */
  private node(token: CST.Token, atKey: boolean): number {
    switch (token.type) {
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        return this.scalar(token, atKey);
      case 'block-map':
        return this.blockMap(token);
      case 'block-seq':
        return this.blockSeq(token);
      case 'flow-collection':
        return this.flowCollection(token);
      default:
        throw GIVE_UP;
    }
  }

  /** `composeScalar` without a tag. */
  private scalar(token: CST.FlowScalar | CST.BlockScalar, atKey: boolean): number {
    let value: unknown;
    let style: ScalarStyle;
    if (token.type === 'block-scalar') {
      value = this.resolved(token);
      style = this.style;
    } else {
      const { source, offset, type } = token;
      // One line, no escapes, no quote inside quotes: the value is the source, unquoted
      // (`unfoldLines`, `singleQuotedValue` and `doubleQuotedValue` would return it as is).
      let text: string | undefined;
      if (type === 'scalar') {
        // Characters a plain scalar may not start with (`plainValue`: an error).
        switch (source.charCodeAt(0)) {
          case 9:
          case 44:
          case 37:
          case 124:
          case 62:
          case 64:
          case 96:
            throw GIVE_UP;
        }
        if (source.indexOf('\n') === -1) text = source;
        style = 'PLAIN';
      } else {
        const quote = type === 'double-quoted-scalar' ? '"' : "'";
        const inner = source.slice(1, -1);
        if (
          source.length > 1 &&
          source[source.length - 1] === quote &&
          inner.indexOf('\n') === -1 &&
          inner.indexOf(quote === '"' ? '\\' : "'") === -1
        )
          text = inner;
        style = quote === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
      }
      if (text === undefined) text = this.resolved(token);
      else {
        this.start = offset;
        this.valueEnd = offset + source.length;
        this.end = this.endOf(token.end, 0, this.valueEnd, this.strict);
      }
      value = type === 'scalar' ? this.typed(text, atKey) : text;
    }
    const id = this.spans.scalar(this.start, this.valueEnd, style, value);
    this.value = value;
    return id;
  }

  /** A scalar's string value, range and style as the Composer resolves them (`resolveAsScalar`). */
  private resolved(token: CST.FlowScalar | CST.BlockScalar): string {
    const resolved = CST.resolveAsScalar(token, this.strict, giveUp);
    if (!resolved.type) throw GIVE_UP;
    [this.start, this.valueEnd, this.end] = resolved.range;
    this.style = resolved.type as ScalarStyle;
    return resolved.value;
  }

  /** `findScalarTagByTest` and the tag's `resolve`: a plain scalar's value (null, a number...). */
  typed(source: string, atKey: boolean): unknown {
    if (this.core && source.length > 0) {
      const first = source.charCodeAt(0);
      if (first >= 128 || FIRST_CHARS[first] === 0) return source;
    }
    const tags = atKey ? this.keyTags : this.valueTags;
    for (let i = 0; i < tags.length; i++) {
      const tag = tags[i]!;
      if (!tag.test!.test(source)) continue;
      // As `composeScalar` takes it: some tags give a `Scalar` (null, booleans), others its value.
      const resolved = tag.resolve(source, giveUp, this.options);
      const value = isScalar(resolved) ? resolved.value : resolved;
      // A merge key `<<` (a symbol), dates, binary...: left to the Composer.
      if ((value !== null && typeof value === 'object') || typeof value === 'symbol') throw GIVE_UP;
      return value;
    }
    return source;
  }

  /** `composeEmptyNode`: the null where a key or value is missing, placed as the Composer does. */
  private empty(offset: number, before: CST.SourceToken[] | undefined, atKey = false): number {
    const comment = this.comment;
    const end = this.propsEnd;
    const at = emptyScalarPosition(offset, before);
    const value = this.typed('', atKey);
    this.start = at;
    this.valueEnd = at;
    this.end = comment ? end : at;
    this.value = value;
    return this.spans.scalar(at, at, 'PLAIN', value);
  }

  /** `resolveBlockMap` with implicit keys only. */
  private blockMap(bm: CST.BlockMap): number {
    const items = bm.items;
    let count = 0;
    for (let i = 0; i < items.length; i++) if (items[i]!.sep) count++;
    const id = this.spans.openMap(bm.offset, count, false);
    const object: Record<string, unknown> = {};
    const seen = this.uniqueKeys ? new Set<unknown>() : undefined;
    let offset = bm.offset;
    let commentEnd = -1;
    let index = 0;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const { start, key, sep, value } = item;
      if (item.explicitKey) throw GIVE_UP;
      this.props(start, 'explicit-key-ind', false, key ?? sep?.[0], offset, bm.indent, true);
      if (this.found) throw GIVE_UP;
      if (key && (key.type === 'block-seq' || ('indent' in key && key.indent !== bm.indent))) throw GIVE_UP;
      if (!sep) {
        // A comment line; a key without `:` the Composer drops without a word (left to it).
        if (key || value) throw GIVE_UP;
        commentEnd = this.propsEnd;
        continue;
      }
      if (key && (key.type === 'flow-collection' || containsNewline(key))) throw GIVE_UP;
      const keyStart = this.propsEnd;
      const keyId = key ? this.node(key, true) : this.empty(keyStart, start, true);
      const name = this.key(keyId, seen);
      this.props(sep, 'map-value-ind', false, value, this.end, bm.indent, !key);
      offset = this.propsEnd;
      if (!this.found) throw GIVE_UP;
      if (value?.type === 'block-map' && !this.hasNewline) throw GIVE_UP;
      if (this.strict && keyStart < this.foundOffset - 1024) throw GIVE_UP;
      const valueId = value ? this.node(value, false) : this.empty(offset, sep);
      offset = this.end;
      this.spans.setChild(id, index * 2, keyId);
      this.spans.setChild(id, index * 2 + 1, valueId);
      index++;
      setProperty(object, name, this.value);
    }
    if (commentEnd > 0 && commentEnd < offset) throw GIVE_UP;
    return this.closeBlock(id, object, bm.offset, offset, commentEnd);
  }

  /**
   * The key just built (row `id`, value in `value`): marked in the table, checked against `seen`
   * when keys must be unique; returns the property it names in the plain data (`propertyName` of
   * spans.ts), or gives up where that walk leaves the document to `toJS`.
   */
  private key(id: number, seen: Set<unknown> | undefined): string {
    const value = this.value;
    const name = keyName(value, seen);
    if (name === undefined) throw GIVE_UP;
    this.spans.markKeyValue(id, value);
    return name;
  }

  /** `resolveBlockSeq`. */
  private blockSeq(bs: CST.BlockSequence): number {
    const items = bs.items;
    let count = 0;
    for (let i = 0; i < items.length; i++) if (hasToken(items[i]!.start, 'seq-item-ind')) count++;
    const id = this.spans.openSeq(bs.offset, count, false);
    const array: unknown[] = [];
    let offset = bs.offset;
    let commentEnd = -1;
    let index = 0;
    for (let i = 0; i < items.length; i++) {
      const { start, value } = items[i]!;
      this.props(start, 'seq-item-ind', false, value, offset, bs.indent, true);
      if (!this.found) {
        if (value) throw GIVE_UP;
        commentEnd = this.propsEnd;
        continue;
      }
      const itemId = value ? this.node(value, false) : this.empty(this.propsEnd, start);
      offset = this.end;
      this.spans.setChild(id, index++, itemId);
      array.push(this.value);
    }
    return this.closeBlock(id, array, bs.offset, offset, commentEnd);
  }

  /**
   * Ends the block collection in row `id` at `end` (after its last value), with its plain data;
   * a comment after the last entry (`commentEnd`, -1: none) extends what the parent sees.
   */
  private closeBlock(id: number, value: unknown, start: number, end: number, commentEnd: number): number {
    this.spans.close(id, end);
    this.value = value;
    this.start = start;
    this.valueEnd = end;
    this.end = commentEnd === -1 ? end : commentEnd;
    return id;
  }

  /** `resolveFlowCollection` without explicit keys and pairs in sequences (`[a: 1]`). */
  private flowCollection(fc: CST.FlowCollection): number {
    const isMap = fc.start.source === '{';
    const items = fc.items;
    let count = 0;
    for (let i = 0; i < items.length; i++) if (items[i]!.sep || items[i]!.value) count++;
    const id = isMap
      ? this.spans.openMap(fc.offset, count, true)
      : this.spans.openSeq(fc.offset, count, true);
    const object: Record<string, unknown> = {};
    const array: unknown[] = [];
    const seen = isMap && this.uniqueKeys ? new Set<unknown>() : undefined;
    let offset = fc.offset + fc.start.source.length;
    let index = 0;
    for (let i = 0; i < items.length; i++) {
      const { start, key, sep, value } = items[i]!;
      this.props(start, 'explicit-key-ind', true, key ?? sep?.[0], offset, fc.indent, false);
      if (this.found) throw GIVE_UP;
      if (!sep && !value) {
        // Nothing (`[a, ]`): an error unless last; a key alone, which the Composer drops.
        if (key || (i === 0 && this.comma) || i < items.length - 1) throw GIVE_UP;
        offset = this.propsEnd;
        continue;
      }
      if (i === 0 ? this.comma : !this.comma) throw GIVE_UP;
      if (!isMap) {
        if (sep || key || !value || isBlock(value)) throw GIVE_UP;
        const itemId = this.node(value, false);
        offset = this.end;
        this.spans.setChild(id, index++, itemId);
        array.push(this.value);
        continue;
      }
      if (key && (key.type === 'flow-collection' || isBlock(key))) throw GIVE_UP;
      const keyId = key ? this.node(key, true) : this.empty(this.propsEnd, start, true);
      const name = this.key(keyId, seen);
      this.props(sep ?? [], 'map-value-ind', true, value, this.end, fc.indent, false);
      if (!this.found && value) throw GIVE_UP;
      let valueId = NONE;
      if (value) {
        if (isBlock(value)) throw GIVE_UP;
        valueId = this.node(value, false);
        offset = this.end;
      } else if (this.found) {
        valueId = this.empty(this.propsEnd, sep);
        offset = this.end;
      } else {
        // `{a}`: a key without a value (a pair whose value is no node).
        offset = this.propsEnd;
        this.value = null;
      }
      this.spans.setChild(id, index * 2, keyId);
      this.spans.setChild(id, index * 2 + 1, valueId);
      index++;
      setProperty(object, name, this.value);
    }
    const end = fc.end;
    const close = end[0];
    if (close?.source !== (isMap ? '}' : ']')) throw GIVE_UP;
    const closeEnd = close.offset + close.source.length;
    this.spans.close(id, closeEnd);
    this.end = end.length > 1 ? this.endOf(end, 1, closeEnd, this.strict) : closeEnd;
    this.value = isMap ? object : array;
    this.start = fc.offset;
    this.valueEnd = closeEnd;
    return id;
  }

  /**
   * `resolveProps` without anchors and tags: sets `found` (the indicator), `comment`,
   * `hasNewline`, `comma` and `propsEnd`; gives up where it reports an error.
   */
  private props(
    tokens: CST.SourceToken[],
    indicator: CST.SourceToken['type'],
    flow: boolean,
    next: CST.Token | undefined,
    offset: number,
    parentIndent: number,
    startOnNewline: boolean,
  ): void {
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = false;
    let hasNewline = false;
    let tab: CST.SourceToken | null = null;
    let found: CST.SourceToken | null = null;
    let comma = false;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (tab) {
        if (atNewline && token.type !== 'comment' && token.type !== 'newline') throw GIVE_UP;
        tab = null;
      }
      switch (token.type) {
        case 'space':
          // Tabs at the start of a line: indentation, which YAML forbids.
          if (
            !flow &&
            (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
            token.source.includes('\t')
          )
            tab = token;
          hasSpace = true;
          break;
        case 'comment':
          if (!hasSpace) throw GIVE_UP;
          comment = true;
          atNewline = false;
          break;
        case 'newline':
          atNewline = true;
          hasNewline = true;
          hasSpace = true;
          break;
        case 'comma':
          if (!flow || comma) throw GIVE_UP;
          comma = true;
          atNewline = false;
          hasSpace = false;
          break;
        default:
          if (token.type !== indicator || found) throw GIVE_UP;
          found = token;
          atNewline = indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
          hasSpace = false;
      }
    }
    if (
      tab &&
      ((atNewline && tab.indent <= parentIndent) || next?.type === 'block-map' || next?.type === 'block-seq')
    )
      throw GIVE_UP;
    const last = tokens[tokens.length - 1];
    this.propsEnd = last ? last.offset + last.source.length : offset;
    this.found = found !== null;
    this.foundOffset = found ? found.offset : 0;
    this.comment = comment;
    this.hasNewline = hasNewline;
    this.comma = comma;
  }

  /** `resolveEnd` of `tokens` from `from`: where a node ends after its trailing comments. */
  private endOf(
    tokens: CST.SourceToken[] | undefined,
    from: number,
    offset: number,
    strict: boolean,
  ): number {
    if (!tokens) return offset;
    let end = offset;
    let hasSpace = false;
    for (let i = from; i < tokens.length; i++) {
      const { type, source } = tokens[i]!;
      if (type === 'space' || type === 'newline') hasSpace = true;
      else if (type !== 'comment' || (strict && !hasSpace)) throw GIVE_UP;
      end += source.length;
    }
    return end;
  }
}

/**
 * The property a key's value names in the plain data (`propertyName` of spans.ts), after checking
 * it against `seen` when keys must be unique; undefined where the builders leave the document to
 * the Composer and `toJS` (a merge key, a key of another type, a repeat, a NaN key).
 */
export function keyName(value: unknown, seen: Set<unknown> | undefined): string | undefined {
  let name: string;
  if (typeof value === 'string') {
    if (value === '<<') return undefined;
    name = value;
  } else if (value === null) name = '';
  else if (typeof value === 'number' || typeof value === 'boolean') name = String(value);
  else return undefined;
  if (seen) {
    // The Composer compares keys with `===` (a NaN key is never a repeat: left to it).
    if (seen.has(value) || Number.isNaN(value)) return undefined;
    seen.add(value);
  }
  return name;
}

/** As `toJS` sets a key: `__proto__` is a key like any other, not the object's prototype. */
export function setProperty(object: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__')
    Object.defineProperty(object, name, { value, writable: true, enumerable: true, configurable: true });
  else object[name] = value;
}

function giveUp(): never {
  throw GIVE_UP;
}

function isBlock(token: CST.Token): boolean {
  return token.type === 'block-map' || token.type === 'block-seq';
}

function hasToken(tokens: CST.SourceToken[], type: CST.SourceToken['type']): boolean {
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.type === type) return true;
  return false;
}

/** `containsNewline` of a scalar key (other keys give up before). */
function containsNewline(key: CST.Token): boolean {
  if (key.type !== 'scalar' && key.type !== 'single-quoted-scalar' && key.type !== 'double-quoted-scalar')
    return true;
  if (key.source.includes('\n')) return true;
  if (key.end) for (const token of key.end) if (token.type === 'newline') return true;
  return false;
}

/** `emptyScalarPosition`: after the last token before the empty node that is not a comment or space. */
function emptyScalarPosition(offset: number, before: CST.SourceToken[] | undefined): number {
  if (!before) return offset;
  let at = offset;
  for (let i = before.length - 1; i >= 0; --i) {
    const token = before[i]!;
    if (token.type === 'space' || token.type === 'comment' || token.type === 'newline') {
      at -= token.source.length;
      continue;
    }
    for (let j = i + 1; before[j]?.type === 'space'; j++) at += before[j]!.source.length;
    break;
  }
  return at;
}
