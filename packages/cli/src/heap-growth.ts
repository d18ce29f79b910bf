import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import type { Language, SourceEntry } from '@plumbline/core';

/** Above this many bytes of files to parse, the heap's growth is capped (see below). */
export const CAPPED_GROWTH_MIN_BYTES = 4_000_000;

/**
 * How much larger than the live heap V8 may let a heap grow before its next full collection.
 * V8 picks up to 4× when collections are cheap, which a scan's steady allocation makes them:
 * on the corpus the main thread's heap reached 268 MB over 70 MB live (bench/README.md, branch
 * `memory`); 30 % kept peak RSS ~150 MB lower for about the same CPU.
 */
const GROWING_PERCENT = 30;

let capped = false;

/**
 * A large scan on more than one thread caps the heap's growth factor. One thread is left alone:
 * it keeps every YAML and HCL model to the end, so its peak is mostly live heap and the cap
 * saved little there (~40 MB) for ~6 % more CPU (bench/README.md). V8's flags are per process,
 * so this applies to the worker threads too, and V8 reads the flag at each full collection, so
 * setting it once the files are listed is early enough (the heap is small until parsing starts).
 */
export function chooseHeapGrowth(
  languages: readonly Language[],
  entries: readonly SourceEntry[],
  threads: number | 'auto',
): void {
  if (capped) return;
  const count = threads === 'auto' ? availableParallelism() : Math.floor(threads);
  if (count <= 1) return;
  let bytes = 0;
  for (const entry of entries)
    if (!entry.skipped && languages.some((l) => l.claims(entry.path))) bytes += entry.size;
  if (bytes < CAPPED_GROWTH_MIN_BYTES) return;
  setFlagsFromString(`--heap-growing-percent=${GROWING_PERCENT}`);
  capped = true;
}

/** Puts the flag back before the code cache is written (V8 rejects data written under other flags). */
export function restoreHeapGrowth(): void {
  if (!capped) return;
  setFlagsFromString('--heap-growing-percent=0');
  capped = false;
}
