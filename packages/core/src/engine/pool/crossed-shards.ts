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
    for (const [path, { shard, language }] of placed) if (linkReaches(link, path, language)) tie(shard);
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
