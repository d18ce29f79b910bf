import { Worker } from 'node:worker_threads';
import type { FromThread, ToThread } from './messages.js';

export interface ThreadPoolOptions {
  size: number;
  /** The worker module; it calls `serveJobs()`. */
  url: URL;
  /** Sent to every worker before its first job (what `serveJobs`' `init` receives). */
  init?: unknown;
  /** Notices workers send while a job runs. */
  onNotice?: (data: unknown) => void;
  /**
   * A worker that crashes or exits fails its job. `replace` starts a fresh one (long scans go on
   * at full width); `shrink` lets the others carry on, and when none is left every queued job fails.
   */
  onLoss: 'replace' | 'shrink';
}

/** A job not yet started, taken back by the caller. */
export interface QueuedJob<In, Out> {
  input: In;
  resolve: (output: Out) => void;
  reject: (error: Error) => void;
}

interface Job<In, Out> extends QueuedJob<In, Out> {
  id: number;
}

/**
 * A fixed set of worker threads taking jobs from one queue, in the order given. Idle workers do
 * not keep the process alive.
 */
export class ThreadPool<In, Out> {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Job<In, Out>>();
  private readonly queue: Job<In, Out>[] = [];
  private nextId = 0;

  constructor(private readonly options: ThreadPoolOptions) {
    for (let i = 0; i < options.size; i++) this.spawn();
  }

  /** How many workers are alive. */
  get alive(): number {
    return this.workers.length;
  }

  run(input: In): Promise<Out> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, resolve, reject });
      this.dispatch();
    });
  }

  /** Takes back the last queued job no worker has started, for the caller to run itself. */
  steal(): QueuedJob<In, Out> | undefined {
    return this.queue.pop();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private spawn(): void {
    const worker = new Worker(this.options.url);
    if (this.options.init !== undefined)
      worker.postMessage({ type: 'init', data: this.options.init } satisfies ToThread<In>);
    worker.on('message', (message: FromThread<Out>) => {
      if (message.type === 'notice') return this.options.onNotice?.(message.data);
      const job = this.running.get(worker);
      this.running.delete(worker);
      this.idle.push(worker);
      if (job) {
        if (message.type === 'failed') job.reject(new Error(message.error));
        else job.resolve(message.output);
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
      if (this.options.onLoss === 'replace') this.spawn();
      else if (this.workers.length === 0)
        for (const queued of this.queue.splice(0)) queued.reject(new Error(why));
      this.dispatch();
    };
    worker.on('error', (error) => lost(`worker thread failed: ${error.message}`));
    worker.on('exit', (code) => lost(`worker thread exited (code ${code})`));
    this.workers.push(worker);
    this.idle.push(worker);
    worker.unref();
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.shift()!;
      const job = this.queue.shift()!;
      this.running.set(worker, job);
      worker.ref();
      worker.postMessage({ type: 'job', id: job.id, input: job.input } satisfies ToThread<In>);
    }
    for (const w of this.idle) w.unref();
  }
}
