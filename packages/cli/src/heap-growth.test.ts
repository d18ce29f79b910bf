import type { SourceEntry } from '@plumbline/core';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseHeapGrowth, restoreHeapGrowth } from './heap-growth.js';
import { allLanguages } from './registry.js';
import { flagsProbe } from './test-support/v8-flags-probe.ts';

// The cap changes V8's flags, so code-cache data made before it is rejected under it.
restoreHeapGrowth();
const uncapped = flagsProbe('heap-growth');
const capped = () => !uncapped();

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
