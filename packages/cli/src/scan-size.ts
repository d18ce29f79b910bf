import { availableParallelism as availableThreads } from 'node:os';
import type { Language, SourceEntry } from '@plumbline/core';

/** From this many bytes of files to parse, a scan is large: worth worker threads and a heap cap. */
export const LARGE_SCAN_BYTES = 4_000_000;

/** Bytes of the listed files some language parses (skipped entries aside). */
export function claimedBytes(languages: readonly Language[], entries: readonly SourceEntry[]): number {
  let bytes = 0;
  for (const entry of entries)
    if (!entry.skipped && languages.some((l) => l.claims(entry.path))) bytes += entry.size;
  return bytes;
}

/** The threads a `--threads` value stands for (at least one). */
export function threadsOf(threads: number | 'auto'): number {
  return Math.max(1, threads === 'auto' ? availableThreads() : Math.floor(threads));
}
