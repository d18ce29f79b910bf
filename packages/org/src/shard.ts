import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based, as written on the command line (`--shard 2/4`). */
  index: number;
  count: number;
}

/** `i/n` with 1 ≤ i ≤ n; throws with a message for anything else. */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new Error(`--shard must be i/n with 1 ≤ i ≤ n (got "${text}")`);
  return { index, count };
}

/**
 * Which shard a repository belongs to: a hash of its full name, so the split is the same on every
 * machine, does not move when other repositories appear, and every repository is in exactly one.
 */
export function shardOf(fullName: string, count: number): number {
  const digest = createHash('sha256').update(fullName.toLowerCase()).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

export function inShard(fullName: string, shard: Shard | undefined): boolean {
  return !shard || shardOf(fullName, shard.count) === shard.index;
}
