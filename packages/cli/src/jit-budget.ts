import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import type { Language, SourceEntry } from '@plumbline/core';
import { claimedBytes, LARGE_SCAN_BYTES, threadsOf } from './scan-size.js';

/**
 * V8 11.3 (Node 20) optimises a function with TurboFan once it has run `--interrupt-budget` bytes
 * of bytecode. A large scan runs ~250 rule `check` functions and the parsers over thousands of
 * files: with the default budget V8 optimises ~1,600 functions, some several times, on background
 * threads that compete with the scan for the cores, once per worker (each isolate compiles its
 * own). A budget six times larger leaves the hot loops optimised and the rest on Sparkplug: on
 * the corpus, background compile CPU 7.7 → 3 s (one thread) and 11.4 → 5.4 s (two), wall
 * 13–14 → ~12.4 s on two threads (bench/README.md).
 *
 * When the scan's threads fill every core, each compile takes its time from a scan thread, so the
 * budget is larger still: since the parsers were rewritten, 2,000,000 used ~9 % less CPU and wall
 * than 400,000 on two threads and two cores (bench/README.md, tenth session). With a core to
 * spare, the compiles run beside the scan: there the smaller budget keeps more code optimised.
 */
const LARGE_SCAN_BUDGET = 400_000;
const LARGE_SCAN_BUDGET_ALL_CORES = 2_000_000;
/** The default of the only V8 measured; other versions (Node ≥ 22: Maglev, other budgets) are left alone. */
const V8_DEFAULT = { version: /^11\.3\./, budget: 67_584 };

let raised: number | undefined;

/**
 * A large scan (over 4 MB to parse) raises the budget for the whole process, workers included
 * (V8's flags are per process; each function reads the budget when its counter is reset).
 * Set as soon as the files are listed, before the workers start and the packs are imported.
 */
export function chooseJitBudget(
  languages: readonly Language[],
  entries: readonly SourceEntry[],
  threads: number | 'auto' = 'auto',
  { v8Version = process.versions.v8, cores = availableParallelism() } = {},
): void {
  if (raised || !V8_DEFAULT.version.test(v8Version)) return;
  if (claimedBytes(languages, entries) < LARGE_SCAN_BYTES) return;
  raise(threadsOf(threads), cores);
}

/**
 * An organisation scan runs the same rules and parsers over repository after repository, so it
 * always takes the large-scan budget, before its worker threads start (`workers`: `--workers`,
 * one per core when left out, 0 for none: the main thread scans). Measured with
 * bench/org.mjs, even 10 repositories used less CPU with it (bench/README.md, eleventh session).
 */
export function chooseOrgScanJitBudget(
  workers: number | undefined,
  { v8Version = process.versions.v8, cores = availableParallelism() } = {},
): void {
  if (raised || !V8_DEFAULT.version.test(v8Version)) return;
  raise(Math.max(1, workers ?? cores), cores);
}

function raise(threads: number, cores: number): void {
  raised = threads >= cores ? LARGE_SCAN_BUDGET_ALL_CORES : LARGE_SCAN_BUDGET;
  setFlagsFromString(`--interrupt-budget=${raised}`);
}

/**
 * Puts the default back before the code cache is written (V8 rejects data written under other
 * flags). Unconditional on V8 11.3: a scan in another module instance (a test importing the
 * sources beside the built package) may have raised it.
 */
export function restoreJitBudget(): void {
  raised = undefined;
  if (V8_DEFAULT.version.test(process.versions.v8))
    setFlagsFromString(`--interrupt-budget=${V8_DEFAULT.budget}`);
}

/** The budget this module set, if it raised it (for tests). */
export function jitBudgetRaised(): number | undefined {
  return raised;
}
