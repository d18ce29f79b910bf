import { setFlagsFromString } from 'node:v8';
import type { Language, SourceEntry } from '@plumbline/core';
import { claimedBytes, LARGE_SCAN_BYTES, threadsOf } from './scan-size.js';

/**
 * How much larger than the live heap V8 may let a heap grow before its next full collection.
 * V8 picks up to 4× when collections are cheap, which a scan's steady allocation makes them:
 * on the corpus the main thread's heap reached 268 MB over 70 MB live (bench/README.md, branch
 * `memory`); 30 % kept peak RSS ~150 MB lower for about the same CPU.
 */
const GROWING_PERCENT = 30;

let capped = false;

/**
 * A large scan (over 4 MB to parse) on more than one thread, or rendering charts and overlays,
 * caps the heap's growth factor. One thread without rendering is left alone: it holds one
 * shard's models at a time, and the cap saved ~30 MB there for ~6 % more CPU (bench/README.md).
 * Rendering keeps ~250 MB alive on the main thread (rendered texts, source maps, the sources
 * kept for ignore comments), which V8 let grow to ~680 MB of heap on one thread before a full
 * collection: the corpus peaked at 929 MB instead of 593 MB with the cap. V8's flags are per
 * process, so this applies to the worker threads too, and V8 reads the flag at each full
 * collection, so setting it once the files are listed is early enough.
 */
export function chooseHeapGrowth(
  languages: readonly Language[],
  entries: readonly SourceEntry[],
  threads: number | 'auto',
  rendering = false,
): void {
  if (capped) return;
  if ((threadsOf(threads) <= 1 && !rendering) || claimedBytes(languages, entries) < LARGE_SCAN_BYTES) return;
  setFlagsFromString(`--heap-growing-percent=${GROWING_PERCENT}`);
  capped = true;
}

/**
 * Puts V8's default (0: its own heuristic) back before the code cache is written (V8 rejects data
 * written under other flags). Unconditional: a scan in another module instance (a test importing
 * the sources beside the built package) may have set it.
 */
export function restoreHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=0');
  capped = false;
}
