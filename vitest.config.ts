import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { sharedTestOptions } from './vitest.shared.ts';

/**
 * The root `npm test`: every package's tests in one vitest, as one set of files on one worker per
 * core. Run package by package (turbo, one vitest each), a full run started fifteen vitests, each
 * with workers importing vitest and the packs again, all competing for two cores: interleaved on
 * a 2-core VM, 187-191 s and 332-351 CPU-s that way, 148-149 s and 259-262 CPU-s this way
 * (bench/README.md). Not vitest `projects` either: those run one project after another, each on
 * workers of its own. Test files share their worker's module graph across packages as they
 * already did within one (CONTRIBUTING.md: a test leaves no module state behind).
 */
export default defineConfig({
  test: {
    ...sharedTestOptions,
    include: ['packages/*/src/**/*.test.ts', 'policies/*/src/**/*.test.ts'],
    isolate: false,
    // One more than the cores: vitest's default is one fewer (one on two cores), which leaves a
    // core idle while a test waits for a process it started (git, Helm, the CLI, Chromium). On the
    // 2-core VM, four interleaved rounds of the whole suite (bench/README.md, seventeenth
    // session): 2 workers 96.7-120.4 s, 3 workers 96.5-111.3 s (faster in three rounds, level in
    // one; medians 108.9 / 104.0 s), 4 workers 112.6-123.4 s.
    maxWorkers: availableParallelism() + 1,
    // scripts/test-summary.mjs reads the JSON report and prints the line CI reads.
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest/report.json' },
  },
});
