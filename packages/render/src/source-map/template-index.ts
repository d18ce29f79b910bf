/**
 * Where each key of a Helm template is written: an indentation scan of the template text (Go
 * template actions make it no valid YAML), giving for each key line its key path, the position of
 * its item in each enclosing list, and the values it reads.
 */
export interface TemplateKey {
  /**
   * The key this one is written under (none at a document's root). A chart's templates hold
   * ~200,000 keys on the corpus: each points at its parent rather than copying its path and list
   * positions (`keyPath`, `keyItems`), which took ~30 MB of arrays, most of them empty.
   */
  parent?: TemplateKey;
  name: string;
  /** Its position in the list its parent holds (`- name: x` is item 0), or -1 outside a list item. */
  item: number;
  line: number;
  column: number;
  endColumn: number;
  /** `.Values.x.y` read on the line (`image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"`); absent when none. */
  valuesRefs?: string[][];
  /** Values inserted whole under this key (`{{- toYaml .Values.resources | nindent 12 }}`). */
  inserted?: string[];
}

/** Map keys from the document root to `key`, list items left out. */
export function keyPath(key: TemplateKey): string[] {
  const path: string[] = [];
  for (let at: TemplateKey | undefined = key; at; at = at.parent) path.push(at.name);
  return path.reverse();
}

/** Item positions of the lists enclosing `key`, outermost first. */
export function keyItems(key: TemplateKey): number[] {
  const items: number[] = [];
  for (let at: TemplateKey | undefined = key; at; at = at.parent) if (at.item >= 0) items.push(at.item);
  return items.reverse();
}

export interface TemplateSegment {
  /** First line of the segment (a template may hold several documents). */
  startLine: number;
  endLine: number;
  keys: TemplateKey[];
}

const KEY_LINE = /^(\s*)(-\s+)?("[^"]+"|'[^']+'|[A-Za-z0-9_./-]+)\s*:(\s|$)/;
const DASH_LINE = /^(\s*)-(\s|$)/;
const VALUES_REF = /\.Values((?:\.[A-Za-z0-9_]+)+)/g;
const BLOCK_OPEN = /{{-?\s*(if|with|range|define|block)\b([^}]*)}}/g;
const BLOCK_END = /{{-?\s*end\b/g;

export function indexTemplate(text: string): TemplateSegment[] {
  const lines = text.split('\n');
  const segments: TemplateSegment[] = [];
  let segment: TemplateSegment = { startLine: 1, endLine: lines.length, keys: [] };
  let stack: { indent: number; entry: TemplateKey; items: number }[] = [];
  /** `with .Values.x` contexts, so `toYaml .` knows which values it inserts. */
  const withs: (string[] | undefined)[] = [];
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    const line = raw.replace(/\r$/, '');
    if (/^---\s*$/.test(line)) {
      segment.endLine = lineNo - 1;
      segments.push(segment);
      segment = { startLine: lineNo + 1, endLine: lines.length, keys: [] };
      stack = [];
      return;
    }
    const trimmed = line.trim();
    if (trimmed.startsWith('#')) return;
    if (trimmed.startsWith('{{')) {
      for (const m of trimmed.matchAll(BLOCK_OPEN)) {
        const ref = m[1] === 'with' ? /^\s*(?:\$|)\.Values((?:\.[A-Za-z0-9_]+)+)/.exec(m[2] ?? '') : null;
        withs.push(ref ? ref[1]!.slice(1).split('.') : undefined);
      }
      for (const _ of trimmed.matchAll(BLOCK_END)) withs.pop();
      const inserted = /\btoYaml\s+((?:\$|)\.Values((?:\.[A-Za-z0-9_]+)+)|\.)\s*[|)}]/.exec(trimmed);
      if (inserted) {
        const target = stack[stack.length - 1]?.entry;
        const path = inserted[2] ? inserted[2].slice(1).split('.') : withs.findLast((w) => w !== undefined);
        if (target && path && !target.inserted) target.inserted = path;
      }
      return;
    }
    const dash = DASH_LINE.exec(line);
    const key = KEY_LINE.exec(line);
    if (!key && !dash) return;
    const dashIndent = dash ? dash[1]!.length : -1;
    const keyIndent = key ? key[1]!.length + (key[2]?.length ?? 0) : -1;
    if (dash) {
      while (stack.length > 0 && stack[stack.length - 1]!.indent >= dashIndent) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) parent.items++;
    }
    if (!key) return;
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= keyIndent) stack.pop();
    const name = key[3]!.replace(/^["']|["']$/g, '');
    // The keys above the parent keep their list positions while the parent is open (a dash at
    // their level closes it), so a key only records its own position in the parent's list.
    const parent = stack[stack.length - 1];
    const refs = line.includes('.Values') ? [...line.matchAll(VALUES_REF)] : [];
    // Every field in the literal, absent ones undefined: one shape, all of it inside the object.
    const entry: TemplateKey = {
      parent: parent?.entry,
      name,
      item: parent && parent.items > 0 ? parent.items - 1 : -1,
      line: lineNo,
      column: keyIndent + 1,
      endColumn: line.trimEnd().length + 1,
      valuesRefs: refs.length > 0 ? refs.map((m) => m[1]!.slice(1).split('.')) : undefined,
      inserted: undefined,
    };
    segment.keys.push(entry);
    stack.push({ indent: keyIndent, entry, items: 0 });
  });
  segments.push(segment);
  return segments;
}

/**
 * The template key that produced a rendered route: the key with the same path (and the same list
 * positions when a list repeats it), else the deepest ancestor written in the template, with the
 * rest of the route (what a `toYaml` inserted below it).
 */
export function alignRoute(
  segment: TemplateSegment,
  route: readonly (string | number)[],
): { key: TemplateKey; rest: (string | number)[] } | undefined {
  for (let n = route.length; n > 0; n--) {
    const prefix = route.slice(0, n);
    if (typeof prefix[prefix.length - 1] === 'number') continue;
    const keys = prefix.filter((s): s is string => typeof s === 'string');
    const indexes = prefix.filter((s): s is number => typeof s === 'number');
    const candidates = segment.keys.filter((k) => hasPath(k, keys));
    if (candidates.length === 0) continue;
    const exact = candidates.find((k) => sameNumbers(keyItems(k), indexes));
    return { key: exact ?? candidates[0]!, rest: route.slice(n) };
  }
  return undefined;
}

/** Whether `keyPath(key)` equals `path`, walking up from the key (most keys differ in their own name). */
function hasPath(key: TemplateKey, path: readonly string[]): boolean {
  let at: TemplateKey | undefined = key;
  for (let i = path.length - 1; i >= 0; i--, at = at.parent) if (!at || at.name !== path[i]) return false;
  return at === undefined;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
