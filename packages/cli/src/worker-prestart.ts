import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Language, prestartEngineWorkers, type SourceEntry } from '@plumbline/core';
import { claimedBytes, LARGE_SCAN_BYTES, threadsOf } from './scan-size.js';
import { workerFiles } from './worker-files.js';

/**
 * Starts the engine's worker threads as soon as the files are listed, when the run will want
 * them (a large scan from disk on more than one thread): each imports the packs of the scan's
 * languages while the main thread looks for custom and admission policies, which the workers'
 * setup needs. The engine adopts them (or ends those it does not need).
 */
export function prestartScanWorkers(
  languages: readonly Language[],
  entries: readonly SourceEntry[],
  threads: number | 'auto',
): void {
  const count = threadsOf(threads) - 1;
  if (count < 1 || claimedBytes(languages, entries) < LARGE_SCAN_BYTES) return;
  const { setup, engine } = workerFiles();
  if (!existsSync(fileURLToPath(setup))) return;
  prestartEngineWorkers(
    { module: setup.href, engine: engine?.href, data: undefined },
    count,
    languages.map((l) => l.id),
  );
}
