/**
 * Who checks which shard, decided by the threads themselves: one shared slot per shard, 0 while
 * free, else the tag of the thread that claimed it. A thread claims the next free shard with one
 * compare-and-swap, so a worker that finished never waits for the main thread to hear it (the
 * main thread reads files synchronously and hears nothing until its own shard is done), and the
 * main thread knows at once which shards a dead worker held.
 */
export type ShardBoard = Int32Array;

/** The main thread's tag; worker `n` (from 0) claims as `WORKER_TAG + n`. */
export const MAIN_THREAD_TAG = 1;
export const WORKER_TAG = 2;

export function newShardBoard(shards: number): ShardBoard {
  return new Int32Array(new SharedArrayBuffer(4 * Math.max(1, shards))).subarray(0, shards);
}

/**
 * Claims the first free shard at or after `from` for `tag` (-1: none left). Shards are claimed in
 * order and never released, so a thread passes its last claim + 1 as `from`.
 */
export function claimShard(board: ShardBoard, tag: number, from = 0): number {
  for (let i = from; i < board.length; i++) if (Atomics.compareExchange(board, i, 0, tag) === 0) return i;
  return -1;
}
