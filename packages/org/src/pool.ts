import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ThreadPool } from '@plumbline/core';
import { type ScanInput, type ScanOutput, scanRepository } from './scan.js';

/**
 * Worker threads for the CPU part (parsing and rules), one per core: the network part stays on the
 * main thread. A worker that crashes fails its repository only; a fresh one takes its place. With
 * `size: 0`, or when the compiled worker is absent (tests run from sources), scans run inline.
 */
export class ScanPool {
  private readonly pool?: ThreadPool<ScanInput, ScanOutput>;
  readonly size: number;

  constructor(size = availableParallelism(), workerUrl = new URL('./worker.js', import.meta.url)) {
    this.size = existsSync(fileURLToPath(workerUrl)) ? size : 0;
    if (this.size > 0) this.pool = new ThreadPool({ size: this.size, url: workerUrl, onLoss: 'replace' });
  }

  run(input: ScanInput): Promise<ScanOutput> {
    return this.pool ? this.pool.run(input) : scanRepository(input);
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
