import { Worker } from 'node:worker_threads';
import type { PathLink } from '../../model/domain.js';
import type { RunResult } from '../../model/finding.js';
import type { DiskReaderDescription, SourceEntry } from '../file-source.js';
import type { StageTimes } from '../stage-timer.js';
import { debugTimeline } from './debug-timeline.js';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol.js';

export interface ShardOutcome {
  result: RunResult;
  times: StageTimes;
  /** What the shard's contents tie together (`Domain.links`), checked against the split. */
  links: PathLink[];
}

interface Job {
  id: number;
  entries: SourceEntry[];
  resolve: (outcome: ShardOutcome) => void;
  reject: (error: Error) => void;
}

/**
 * Engine worker threads (like the org scanner's repository pool, one level down): each worker
 * sets itself up once, then takes shards from a queue in the order given. A worker that dies
 * (crash, out of memory) fails only its shard (the caller scans it again on the main thread);
 * the pool does not replace it, the others carry on.
 */
export class EngineWorkerPool {
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private readonly workers: Worker[] = [];
  private nextId = 0;

  constructor(
    size: number,
    workerUrl: URL,
    private readonly init: { setup: WorkerSetup; reader: DiskReaderDescription },
    private readonly now: Date,
    private readonly onFile: (path: string) => void,
  ) {
    for (let i = 0; i < size; i++) this.spawn(workerUrl);
  }

  /** How many workers are still alive. */
  get alive(): number {
    return this.workers.length;
  }

  run(entries: SourceEntry[]): Promise<ShardOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, entries, resolve, reject });
      this.dispatch();
    });
  }

  /** Takes back a queued shard no worker has started (the main thread runs it instead). */
  steal(): Job | undefined {
    return this.queue.pop();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private spawn(url: URL): void {
    const worker = new Worker(url);
    worker.postMessage({ type: 'init', ...this.init } satisfies ToWorker);
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'file') return this.onFile(message.path);
      // Heard when this thread's event loop turns: the worker says when it was ready.
      if (message.type === 'ready')
        return debugTimeline('a worker is set up', message.at - performance.timeOrigin);
      const job = this.running.get(worker);
      this.running.delete(worker);
      this.idle.push(worker);
      if (job) {
        if (message.type === 'failed') job.reject(new Error(message.error));
        else job.resolve({ result: message.result, times: message.times, links: message.links });
      }
      this.dispatch();
    });
    const lost = (why: string) => {
      if (!this.workers.includes(worker)) return;
      this.workers.splice(this.workers.indexOf(worker), 1);
      const i = this.idle.indexOf(worker);
      if (i >= 0) this.idle.splice(i, 1);
      const job = this.running.get(worker);
      this.running.delete(worker);
      job?.reject(new Error(why));
      // No worker left: what is still queued goes back to the caller too.
      if (this.workers.length === 0) for (const queued of this.queue.splice(0)) queued.reject(new Error(why));
    };
    worker.on('error', (error) => lost(`worker thread failed: ${error.message}`));
    worker.on('exit', (code) => lost(`worker thread exited (code ${code})`));
    this.workers.push(worker);
    this.idle.push(worker);
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.shift()!;
      const job = this.queue.shift()!;
      this.running.set(worker, job);
      worker.postMessage({
        type: 'shard',
        id: job.id,
        entries: job.entries,
        now: this.now.toISOString(),
      } satisfies ToWorker);
    }
  }
}
