import type { PathLink } from '../../model/domain.js';
import type { ShardPlan } from './plan-shards.js';

/**
 * The shards that the domains' links tie together, which must be checked again as one: groups of
 * shard numbers (0 is the leader, `i + 1` is `plan.others[i]`), each sorted, with more than one
 * shard. Empty when every link stays inside its shard, the usual case. Leader files that nothing
 * parses (no language claims them, or they were skipped) cannot be read by a rule and never count;
 * nor do files of other languages than a link's `languages`.
 */
export function crossedShards(
  plan: ShardPlan,
  links: readonly (readonly PathLink[])[],
  languageOf: (path: string) => string | undefined,
): number[][] {
  const placed = placedFiles(plan, languageOf);
  const index = new PlacedIndex([...placed.keys()]);
  const shardOf = new Map([...placed].map(([path, { shard }]) => [path, shard]));
  const parent = Array.from({ length: plan.others.length + 1 }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const link of links.flat()) {
    // A file no shard lists was rendered, on the leader.
    const from = shardOf.get(link.file) ?? 0;
    const tie = (shard: number | undefined) => {
      if (shard !== undefined && find(shard) !== find(from)) parent[find(shard)] = find(from);
    };
    for (const path of link.paths ?? [])
      if (linkReaches(link, path, placed.get(path)?.language)) tie(shardOf.get(path));
    if (!link.folders?.length && !link.suffixes?.length && !link.dirs?.length) continue;
    for (const path of index.candidates(link)) {
      const { shard, language } = placed.get(path)!;
      if (linkReaches(link, path, language)) tie(shard);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < parent.length; i++) {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/** Each parsed file of the plan: its shard (0 for the leader) and language. */
export function placedFiles(
  plan: ShardPlan,
  languageOf: (path: string) => string | undefined,
): Map<string, { shard: number; language: string }> {
  const out = new Map<string, { shard: number; language: string }>();
  for (const e of plan.leader.entries) {
    const language = e.skipped ? undefined : languageOf(e.path);
    if (language) out.set(e.path, { shard: 0, language });
  }
  plan.others.forEach((shard, i) => {
    for (const e of shard.entries) out.set(e.path, { shard: i + 1, language: languageOf(e.path) ?? '' });
  });
  return out;
}

/** True when `link` names `path`, a file of `language` (a path, one under its folders, a suffix...). */
export function linkReaches(link: PathLink, path: string, language: string | undefined): boolean {
  if (link.languages && (language === undefined || !link.languages.includes(language))) return false;
  return (
    (link.paths ?? []).includes(path) ||
    (link.folders ?? []).some((d) => d === '' || path === d || path.startsWith(`${d}/`)) ||
    (link.dirs ?? []).includes(path.slice(0, Math.max(0, path.lastIndexOf('/')))) ||
    (link.suffixes ?? []).some((x) => path === x || path.endsWith(`/${x}`))
  );
}

/**
 * The placed files a link's `folders`, `dirs` and `suffixes` may name, found by lookup: a scan of
 * every file per link took ~0.6 s after the pool on the corpus (thousands of Terraform module
 * calls and workflow `uses:`). Each kind's map is built on its first use (most scans' links use
 * one or two kinds); `linkReaches` still decides.
 */
class PlacedIndex {
  private readonly maps = new Map<'folder' | 'dir' | 'suffix', Map<string, string[]>>();

  constructor(private readonly paths: readonly string[]) {}

  candidates(link: PathLink): Set<string> {
    const out = new Set<string>();
    const add = (found: readonly string[] | undefined) => {
      for (const path of found ?? []) out.add(path);
    };
    for (const folder of link.folders ?? []) add(folder === '' ? this.paths : this.map('folder').get(folder));
    for (const dir of link.dirs ?? []) add(this.map('dir').get(dir));
    for (const suffix of link.suffixes ?? []) add(this.map('suffix').get(suffix));
    return out;
  }

  /**
   * `folder`: each path under the path itself and each folder above it; `suffix`: under the path
   * and each tail after a slash; `dir`: under the folder the file is directly in.
   */
  private map(kind: 'folder' | 'dir' | 'suffix'): Map<string, string[]> {
    let map = this.maps.get(kind);
    if (map) return map;
    map = new Map<string, string[]>();
    const put = (key: string, path: string) => {
      const list = map!.get(key);
      if (list) list.push(path);
      else map!.set(key, [path]);
    };
    for (const path of this.paths) {
      if (kind === 'dir') {
        put(path.slice(0, Math.max(0, path.lastIndexOf('/'))), path);
        continue;
      }
      put(path, path);
      for (let at = path.indexOf('/'); at >= 0; at = path.indexOf('/', at + 1))
        put(kind === 'folder' ? path.slice(0, at) : path.slice(at + 1), path);
    }
    this.maps.set(kind, map);
    return map;
  }
}
