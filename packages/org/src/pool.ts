import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type ScanInput, type ScanOutput, scanRepository } from './scan.js';

interface Job {
  id: number;
  input: ScanInput;
  resolve: (output: ScanOutput) => void;
  reject: (error: Error) => void;
}

/**
 * Worker threads for the CPU part (parsing and rules), one per core: the network part stays on the
 * main thread. With `size: 0`, or when the compiled worker is absent (tests run from sources),
 * scans run inline. A caller that names its worker module (the CLI's bundle, whose main thread
 * cannot import the auditor module) always gets at least one thread, and an error if it is missing.
 */
export class ScanPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private nextId = 0;
  readonly size: number;

  constructor(size = availableParallelism(), worker?: URL) {
    const workerUrl = worker ?? new URL('./worker.js', import.meta.url);
    const found = existsSync(fileURLToPath(workerUrl));
    if (worker && !found) throw new Error(`the organisation scanner's worker is missing: ${worker.href}`);
    this.size = !found ? 0 : worker ? Math.max(1, size) : size;
    for (let i = 0; i < this.size; i++) this.spawn(workerUrl);
  }

  run(input: ScanInput): Promise<ScanOutput> {
    if (this.size === 0) return scanRepository(input);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }

  private spawn(url: URL): void {
    const worker = new Worker(url);
    worker.unref();
    worker.on('message', (message: { id: number; output?: ScanOutput; error?: string }) => {
      const job = this.running.get(worker);
      this.running.delete(worker);
      this.idle.push(worker);
      if (job) {
        if (message.error !== undefined) job.reject(new Error(message.error));
        else job.resolve(message.output!);
      }
      this.dispatch();
    });
    worker.on('error', (error) => {
      // A crashed worker fails its job only; a fresh one takes its place.
      const job = this.running.get(worker);
      this.running.delete(worker);
      this.all.splice(this.all.indexOf(worker), 1);
      job?.reject(error);
      this.spawn(url);
      this.dispatch();
    });
    this.all.push(worker);
    this.idle.push(worker);
  }

  private dispatch(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.shift()!;
      const job = this.queue.shift()!;
      this.running.set(worker, job);
      worker.ref();
      worker.postMessage({ id: job.id, input: job.input });
    }
    for (const w of this.idle) w.unref();
  }
}
