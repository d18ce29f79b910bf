import { availableParallelism as availableThreads } from 'node:os';
import type { Language, SourceEntry } from '@plumbline/core';

/** From this many bytes of files to parse, a scan is large: worth worker threads and a heap cap. */
export const LARGE_SCAN_BYTES = 4_000_000;

/**
 * Bytes of the listed files some language parses (skipped entries aside). Four choices before a
 * scan ask it of one listing (JIT budget, worker prestart, wasm tiering, heap growth), each claim
 * a few path tests: ~30 ms a time on the shared corpus's 13,000 entries, before any worker starts.
 */
export function claimedBytes(languages: readonly Language[], entries: readonly SourceEntry[]): number {
  const known = counted.get(entries);
  if (known?.languages === languages) return known.bytes;
  let bytes = 0;
  for (const entry of entries)
    if (!entry.skipped && languages.some((l) => l.claims(entry.path))) bytes += entry.size;
  counted.set(entries, { languages, bytes });
  return bytes;
}
const counted = new WeakMap<readonly SourceEntry[], { languages: readonly Language[]; bytes: number }>();

/** The threads a `--threads` value stands for (at least one). */
export function threadsOf(threads: number | 'auto'): number {
  return Math.max(1, threads === 'auto' ? availableThreads() : Math.floor(threads));
}
