import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Language, prestartEngineWorkers, type SourceEntry } from '@plumbline/core';
import { claimedBytes, LARGE_SCAN_BYTES, threadsOf } from './scan-size.js';
import { workerFiles } from './worker-files.js';

/**
 * Starts the engine's worker threads as soon as the listing shows the run will want them (a
 * large scan from disk on more than one thread; see `largeScanWatch`): each imports the packs of
 * the languages listed so far while the main thread finishes the walk and looks for custom and
 * admission policies, which the workers' setup needs. The engine adopts them (or ends those it
 * does not need). Whether it started any.
 */
export function prestartScanWorkers(
  languages: readonly Language[],
  entries: readonly SourceEntry[],
  threads: number | 'auto',
): boolean {
  const count = threadsOf(threads) - 1;
  if (count < 1 || claimedBytes(languages, entries) < LARGE_SCAN_BYTES) return false;
  const { setup, engine } = workerFiles();
  if (!existsSync(fileURLToPath(setup))) return false;
  prestartEngineWorkers(
    { module: setup.href, engine: engine?.href, data: undefined },
    count,
    languages.map((l) => l.id),
  );
  return true;
}
