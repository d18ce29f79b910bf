import { Script } from 'node:vm';
import type { SourceEntry } from '@plumbline/core';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseHeapGrowth, restoreHeapGrowth } from './heap-growth.js';
import { allLanguages } from './registry.js';

// V8 code-cache data records a hash of the flags: data made before the cap is rejected under it
// (the same check v8-code-cache.ts makes), so the probe tells whether the cap is on.
restoreHeapGrowth();
const probe = new Script('"heap-growth:0"').createCachedData();
let probes = 0;
const capped = () =>
  new Script(`"heap-growth:${++probes % 10}"`, { cachedData: probe }).cachedDataRejected === true;

/** 5 MB of manifests, as a listing gives them. */
const large: SourceEntry[] = Array.from({ length: 500 }, (_, i) => ({
  path: `deploy/app-${i}.yaml`,
  size: 10_000,
}));

afterEach(restoreHeapGrowth);

describe('heap growth cap for large scans', () => {
  it('caps a large scan on one thread only when it renders charts and overlays', () => {
    chooseHeapGrowth(allLanguages, large, 1);
    expect(capped()).toBe(false);
    chooseHeapGrowth(allLanguages, large, 1, true);
    expect(capped()).toBe(true);
    restoreHeapGrowth();
    expect(capped()).toBe(false);
  });

  it('caps a large scan on two threads, never a small one', () => {
    chooseHeapGrowth(allLanguages, large.slice(0, 300), 2, true);
    expect(capped()).toBe(false);
    chooseHeapGrowth(allLanguages, large, 2);
    expect(capped()).toBe(true);
  });
});
