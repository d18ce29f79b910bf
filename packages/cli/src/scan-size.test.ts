import type { Language, SourceEntry } from '@plumbline/core';
import { describe, expect, it } from 'vitest';
import { allLanguages } from './registry.js';
import { claimedBytes, LARGE_SCAN_BYTES, largeScanWatch } from './scan-size.js';

/** Feeds `entries` to a watch as a walk would: every call it made, with the index it was made at. */
function watch(entries: SourceEntry[]) {
  const calls: { at: number; languages: string[]; entries: number }[] = [];
  let at = 0;
  const observe = largeScanWatch(allLanguages, (languages: Language[], seen) => {
    calls.push({ at, languages: languages.map((l) => l.id), entries: seen.length });
  });
  for (; at < entries.length; at++) observe(entries[at]!);
  return calls;
}

const manifest = (i: number, size: number): SourceEntry => ({ path: `deploy/app-${i}.yaml`, size });

describe('largeScanWatch', () => {
  it('calls once, at the entry that takes the claimed bytes past 4 MB, with what was listed so far', () => {
    const entries: SourceEntry[] = [
      { path: 'Dockerfile', size: 2_000 },
      // A README no language reads and a skipped manifest count for nothing, however large.
      { path: 'README.md', size: 50_000_000 },
      {
        path: 'deploy/huge.yaml',
        size: 9_000_000,
        skipped: { kind: 'unreadable', reason: 'permission denied' },
      },
      ...Array.from({ length: 600 }, (_, i) => manifest(i, 9_000)),
      { path: 'infra/main.tf', size: 3_000 },
    ];
    const calls = watch(entries);
    // 2,000 + 444 × 9,000 < 4,000,000 ≤ 2,000 + 445 × 9,000: the 445th manifest, entry 3 + 444.
    expect(calls).toEqual([{ at: 447, languages: ['dockerfile', 'yaml'], entries: 448 }]);
    expect(claimedBytes(allLanguages, entries)).toBeGreaterThanOrEqual(LARGE_SCAN_BYTES);
  });

  it('never calls for a listing whose claimed bytes stay under 4 MB', () => {
    const entries = [
      ...Array.from({ length: 444 }, (_, i) => manifest(i, 9_000)),
      { path: 'README.md', size: 9e9 },
    ];
    expect(claimedBytes(allLanguages, entries)).toBeLessThan(LARGE_SCAN_BYTES);
    expect(watch(entries)).toEqual([]);
  });
});
