import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerSetup } from './protocol.js';

/** The compiled worker (also when this module runs from sources under a test runner). */
const WORKER_URL = new URL('../../../dist/engine/pool/audit-worker.js', import.meta.url);

/** The engine worker script a setup names (its own copy in a bundle), else this package's. */
export function engineWorkerUrl(setup: WorkerSetup | undefined): URL {
  return setup?.engine ? new URL(setup.engine) : WORKER_URL;
}

/** What a prestarted worker finds in its `workerData`: the setup module and what to import ahead. */
export interface WarmData {
  module: string;
  /** Passed to the module's optional `warmAuditSetup(data)` (e.g. the languages whose packs to import). */
  data: unknown;
}

interface Spare {
  url: string;
  worker: Worker;
  exited: boolean;
}

const spares: Spare[] = [];

/**
 * Starts `count` engine workers before the run is planned, so that they import the setup module
 * and its packs while the main thread still looks for policies (about 0.5-0.8 s on the corpus).
 * They hold the process open only once a pool adopts them; `dropPrestarted` ends the rest.
 */
export function prestartEngineWorkers(setup: WorkerSetup, count: number, warm: unknown): void {
  const url = engineWorkerUrl(setup);
  if (!existsSync(fileURLToPath(url))) return; // the pool will not start workers either
  for (let i = 0; i < count; i++) {
    const spare: Spare = {
      url: url.href,
      worker: new Worker(url, {
        workerData: { warm: { module: setup.module, data: warm } satisfies WarmData },
      }),
      exited: false,
    };
    spare.worker.unref();
    spare.worker.on('exit', () => {
      spare.exited = true;
    });
    // A spare that fails is never adopted (a new worker is started instead): its error is dropped.
    spare.worker.on('error', () => {});
    spares.push(spare);
  }
}

/** A prestarted worker of this script still alive, for a pool to adopt (then it holds the process). */
export function takePrestarted(url: URL): Worker | undefined {
  for (let i = 0; i < spares.length; i++) {
    const spare = spares[i]!;
    if (spare.url !== url.href || spare.exited) continue;
    spares.splice(i, 1);
    spare.worker.ref();
    return spare.worker;
  }
  return undefined;
}

/** Ends the workers no pool adopted (the run needed fewer, or none). */
export async function dropPrestarted(): Promise<void> {
  await Promise.all(spares.splice(0).map((s) => s.worker.terminate()));
}
