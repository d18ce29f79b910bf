import { ThreadPool } from '../../threads/thread-pool.js';
import type { SourceEntry } from '../file-source.js';
import type { ShardInput, ShardOutcome, WorkerInit } from './protocol.js';

export type { ShardOutcome } from './protocol.js';

/**
 * Engine worker threads: each sets itself up once (`WorkerInit`), then takes shards from a queue
 * in the order given. A worker that dies (crash, out of memory) fails only its shard, which the
 * caller scans again on the main thread; the others carry on.
 */
export class EngineWorkerPool {
  private readonly pool: ThreadPool<ShardInput, ShardOutcome>;

  constructor(
    size: number,
    url: URL,
    init: WorkerInit,
    private readonly now: Date,
    onFile: (path: string) => void,
  ) {
    this.pool = new ThreadPool({
      size,
      url,
      init,
      onLoss: 'shrink',
      onNotice: (data) => onFile((data as { file: string }).file),
    });
  }

  get alive(): number {
    return this.pool.alive;
  }

  run(entries: SourceEntry[]): Promise<ShardOutcome> {
    return this.pool.run({ entries, now: this.now.toISOString() });
  }

  /** Takes back a queued shard no worker has started (the main thread runs it instead). */
  steal(): { entries: SourceEntry[]; resolve: (outcome: ShardOutcome) => void } | undefined {
    const job = this.pool.steal();
    return job && { entries: job.input.entries, resolve: job.resolve };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
