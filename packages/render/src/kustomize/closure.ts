import { parseDocument } from 'yaml';
import { baseName, dirOf, joinPath } from '../paths.js';

const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export function isKustomizationFile(path: string): boolean {
  return KUSTOMIZATION_NAMES.includes(baseName(path));
}

/** What one kustomization file names: other folders/files it builds on, and files it reads. */
export interface KustomizationRefs {
  /** Folders or files under `resources`/`bases`/`components` (relative to the root). */
  resources: string[];
  /** Patch files (strategic merge or JSON 6902). */
  patches: string[];
  /** Other files read (generators, replacements, configurations). */
  files: string[];
  /** Remote bases (URLs, git) that are never fetched. */
  remote: string[];
  /** `images:` entries: name → offsets of the entry in the kustomization file. */
  images: { name: string; start: number; end: number }[];
  /** References that climb above the scanned root. */
  outside: string[];
  /** `kind: Component`: only built inside the overlays that use it. */
  component: boolean;
}

const REMOTE = /^(https?:|git[@:]|ssh:|github\.com\/|gitlab\.com\/|bitbucket\.org\/)|\?ref=|\/\/.*\.git/;

export function readKustomization(path: string, text: string): KustomizationRefs {
  const dir = dirOf(path);
  const refs: KustomizationRefs = {
    resources: [],
    patches: [],
    files: [],
    remote: [],
    images: [],
    outside: [],
    component: false,
  };
  let doc: ReturnType<typeof parseDocument>;
  let data: Record<string, unknown>;
  try {
    doc = parseDocument(text, { logLevel: 'silent' });
    data = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
  } catch {
    return refs;
  }
  refs.component = data.kind === 'Component';
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const add = (into: string[], rel: unknown) => {
    if (typeof rel !== 'string' || rel.includes('\n')) return;
    if (REMOTE.test(rel)) return void refs.remote.push(rel);
    const resolved = joinPath(dir, rel);
    if (resolved === undefined) refs.outside.push(rel);
    else into.push(resolved);
  };
  for (const key of ['resources', 'bases', 'components'])
    for (const r of list(data[key])) add(refs.resources, r);
  for (const p of list(data.patchesStrategicMerge)) add(refs.patches, p);
  for (const p of [...list(data.patches), ...list(data.patchesJson6902)])
    if (p && typeof p === 'object') add(refs.patches, (p as Record<string, unknown>).path);
  for (const key of ['configMapGenerator', 'secretGenerator'])
    for (const g of list(data[key])) {
      const gen = (g ?? {}) as Record<string, unknown>;
      for (const f of [...list(gen.files), ...list(gen.envs), gen.env])
        if (typeof f === 'string') add(refs.files, f.includes('=') ? f.slice(f.indexOf('=') + 1) : f);
    }
  for (const key of ['replacements', 'configurations', 'crds', 'transformers', 'generators', 'validators'])
    for (const r of list(data[key]))
      add(refs.files, typeof r === 'object' && r ? (r as Record<string, unknown>).path : r);
  const images = doc.get('images', true) as
    | { items?: { range?: number[]; toJSON?: () => unknown }[] }
    | undefined;
  for (const item of images?.items ?? []) {
    const value = (item as { toJSON: () => Record<string, unknown> }).toJSON?.();
    const range = item.range;
    if (value && typeof value.name === 'string' && range)
      refs.images.push({ name: value.name, start: range[0]!, end: range[1]! });
  }
  return refs;
}

export { KUSTOMIZATION_NAMES };
