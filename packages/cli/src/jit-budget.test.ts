import type { SourceEntry } from '@plumbline/core';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseJitBudget, chooseOrgScanJitBudget, jitBudgetRaised, restoreJitBudget } from './jit-budget.js';
import { allLanguages } from './registry.js';
import { flagsProbe } from './test-support/v8-flags-probe.ts';

// Test files share a thread: a large scan run by an earlier one may have left the budget raised.
restoreJitBudget();
const flagsAsAtStart = flagsProbe('jit-budget');

/** `count` manifests of `size` bytes, as a listing gives them (plus a README no language claims). */
function listing(count: number, size: number): SourceEntry[] {
  const entries = Array.from({ length: count }, (_, i) => ({ path: `deploy/app-${i}.yaml`, size }));
  return [...entries, { path: 'README.md', size: 50_000_000 }];
}

afterEach(restoreJitBudget);

describe('JIT budget for large scans', () => {
  it.runIf(process.versions.v8.startsWith('11.3.'))(
    'raises the budget for a scan over 4 MB of parsed files and puts it back before the cache is written',
    () => {
      chooseJitBudget(allLanguages, listing(500, 9_000), 1, { cores: 2 });
      expect(jitBudgetRaised()).toBe(400_000);
      expect(flagsAsAtStart()).toBe(false);
      restoreJitBudget();
      expect(jitBudgetRaised()).toBeUndefined();
      expect(flagsAsAtStart()).toBe(true);
    },
  );

  it.runIf(process.versions.v8.startsWith('11.3.'))(
    'raises it further when the scan threads fill every core (background compiles would take a core from them)',
    () => {
      chooseJitBudget(allLanguages, listing(500, 9_000), 2, { cores: 2 });
      expect(jitBudgetRaised()).toBe(2_000_000);
      restoreJitBudget();
      // `auto` is one thread per core; one thread on a one-core machine fills it too.
      chooseJitBudget(allLanguages, listing(500, 9_000), 'auto');
      expect(jitBudgetRaised()).toBe(2_000_000);
      restoreJitBudget();
      chooseJitBudget(allLanguages, listing(500, 9_000), 1, { cores: 1 });
      expect(jitBudgetRaised()).toBe(2_000_000);
      restoreJitBudget();
      chooseJitBudget(allLanguages, listing(500, 9_000), 2, { cores: 4 });
      expect(jitBudgetRaised()).toBe(400_000);
      expect(flagsAsAtStart()).toBe(false);
    },
  );

  it.runIf(process.versions.v8.startsWith('11.3.'))(
    'raises it for every organisation scan: by cores when its workers fill them, less when they do not',
    () => {
      chooseOrgScanJitBudget(undefined, { cores: 2 });
      expect(jitBudgetRaised()).toBe(2_000_000);
      expect(flagsAsAtStart()).toBe(false);
      restoreJitBudget();
      chooseOrgScanJitBudget(1, { cores: 4 });
      expect(jitBudgetRaised()).toBe(400_000);
      restoreJitBudget();
      // --workers 0: the main thread scans, one thread.
      chooseOrgScanJitBudget(0, { cores: 1 });
      expect(jitBudgetRaised()).toBe(2_000_000);
      restoreJitBudget();
      chooseOrgScanJitBudget(undefined, { v8Version: '12.4.254.21-node.33' });
      expect(jitBudgetRaised()).toBeUndefined();
      expect(flagsAsAtStart()).toBe(true);
    },
  );

  it('leaves a small scan, files no language parses, and other V8 versions alone', () => {
    // 3.5 MB of manifests: under the threshold however large the README is.
    chooseJitBudget(allLanguages, listing(500, 7_000));
    // A file that could not be read counts for nothing.
    chooseJitBudget(allLanguages, [
      { path: 'big.yaml', size: 9_000_000, skipped: { kind: 'special-file', reason: 'a FIFO' } },
    ]);
    chooseJitBudget(allLanguages, listing(500, 9_000), 2, { v8Version: '12.4.254.21-node.33' });
    expect(jitBudgetRaised()).toBeUndefined();
    expect(flagsAsAtStart()).toBe(true);
  });
});
