import { defineProject } from 'vitest/config';

/** Every package runs its own tests with the same settings; see each package's vitest.config.ts. */
export function packageTestConfig(name: string, options: { shareModules?: boolean; workers?: number } = {}) {
  return defineProject({
    test: {
      name,
      // vitest's default is one worker fewer than the cores (one on two cores): a package whose
      // tests end the whole run (the CLI's) would leave a core idle while it finishes alone.
      ...(options.workers ? { maxWorkers: options.workers } : {}),
      include: ['src/**/*.test.ts'],
      // shareModules: one module graph per worker, shared by its test files. Most of a pack's test
      // time was importing the pack again for every file (Kubernetes pack: 141 CPU-s isolated, 7.5
      // shared). Such tests must not leave module state behind (reset configure* in afterEach).
      // Every package shares modules now (the CLI's tests run it in-process); isolation stays the
      // default for a package that cannot guarantee its tests leave no module state.
      isolate: options.shareModules !== true,
      // The workspace packages a test imports are built JavaScript (`dist/`): Node loads them as
      // they are, once per worker, instead of vitest transforming them again (in a full `npm test`
      // that transform was ~230 s summed over packages). Tests import their own `src/` as before.
      server: { deps: { external: [/\/dist\//] } },
      // Generous: several packages test by spawning the CLI or the bundled Action, and `npm test` runs
      // packages in parallel on two cores. A hung test still fails.
      // No test reads or fills the user's render cache (~/.cache/plumbline/render); the tests of
      // the cache name a folder of their own.
      env: { PLUMBLINE_RENDER_CACHE: 'off' },
      testTimeout: 120_000,
      hookTimeout: 120_000,
    },
  });
}
