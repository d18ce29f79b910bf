import type { PathLink } from '../../model/domain.js';
import type { ShardPlan } from './plan-shards.js';

/**
 * The shards that the domains' links tie together, which must be checked again as one: groups of
 * shard numbers (0 is the leader, `i + 1` is `plan.others[i]`), each sorted, with more than one
 * shard. Empty when every link stays inside its shard, the usual case. Leader files that nothing
 * parses (no language claims them, or they were skipped) cannot be read by a rule and never count.
 */
export function crossedShards(
  plan: ShardPlan,
  links: readonly (readonly PathLink[])[],
  parsed: (path: string) => boolean,
): number[][] {
  const shardOf = new Map<string, number>();
  for (const e of plan.leader.entries) if (!e.skipped && parsed(e.path)) shardOf.set(e.path, 0);
  plan.others.forEach((shard, i) => {
    for (const e of shard.entries) shardOf.set(e.path, i + 1);
  });
  const all = [...shardOf];
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
    for (const path of link.paths ?? []) tie(shardOf.get(path));
    const folders = link.folders ?? [];
    const suffixes = link.suffixes ?? [];
    if (folders.length === 0 && suffixes.length === 0) continue;
    for (const [path, shard] of all) {
      if (
        folders.some((d) => d === '' || path === d || path.startsWith(`${d}/`)) ||
        suffixes.some((x) => path === x || path.endsWith(`/${x}`))
      )
        tie(shard);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < parent.length; i++) {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}
