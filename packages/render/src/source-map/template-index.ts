/**
 * Where each key of a Helm template is written: an indentation scan of the template text (Go
 * template actions make it no valid YAML), giving for each key line its key path, the position of
 * its item in each enclosing list, and the values it reads.
 */
export interface TemplateKey {
  /** Map keys from the document root, list items left out. */
  path: string[];
  /** Item positions of the enclosing lists, outermost first. */
  items: number[];
  line: number;
  column: number;
  endColumn: number;
  /** `.Values.x.y` read on the line (`image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"`). */
  valuesRefs: string[][];
  /** Values inserted whole under this key (`{{- toYaml .Values.resources | nindent 12 }}`). */
  inserted?: string[];
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
  let stack: { indent: number; key: string; entry: TemplateKey; items: number }[] = [];
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
    const items = stack.filter((s) => s.items > 0).map((s) => s.items - 1);
    const entry: TemplateKey = {
      path: [...stack.map((s) => s.key), name],
      items,
      line: lineNo,
      column: keyIndent + 1,
      endColumn: line.trimEnd().length + 1,
      valuesRefs: [...line.matchAll(VALUES_REF)].map((m) => m[1]!.slice(1).split('.')),
    };
    segment.keys.push(entry);
    stack.push({ indent: keyIndent, key: name, entry, items: 0 });
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
    const candidates = segment.keys.filter((k) => sameStrings(k.path, keys));
    if (candidates.length === 0) continue;
    const exact = candidates.find((k) => sameNumbers(k.items, indexes));
    return { key: exact ?? candidates[0]!, rest: route.slice(n) };
  }
  return undefined;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
