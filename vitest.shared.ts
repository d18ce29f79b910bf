import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

/**
 * The settings every test file runs with, whether the root `npm test` runs them all in one vitest
 * (vitest.config.ts) or a package runs its own (its vitest.config.ts, `npx vitest run` in its folder).
 */
export const sharedTestOptions = {
  // The workspace packages a test imports are built JavaScript (`dist/`): Node loads them as
  // they are, once per worker, instead of vitest transforming them again (in a full `npm test`
  // that transform was ~230 s summed over packages). Tests import their own `src/` as before.
  server: { deps: { external: [/\/dist\//] } },
  // No test reads or fills the user's render cache (~/.cache/plumbline/render); the tests of
  // the cache name a folder of their own.
  env: { PLUMBLINE_RENDER_CACHE: 'off' },
  // Each run's temporary files under a folder of its own, removed at the end (vitest.tmpdir.ts).
  globalSetup: [fileURLToPath(new URL('./vitest.tmpdir.ts', import.meta.url))],
  // Generous: several packages test by spawning the CLI or the bundled Action, and `npm test` runs
  // them on every core at once. A hung test still fails.
  testTimeout: 120_000,
  hookTimeout: 120_000,
  // vitest keeps the test files it transformed in node_modules/.experimental-vitest-cache, keyed by
  // their content: a second `npm test` on a 2-core VM took 133-139 s instead of ~151 s (transform
  // 16 -> 5 s, import 23 -> 10 s); a fresh clone (CI) runs as before. `npx vitest --clearCache`
  // empties it.
  experimental: { fsModuleCache: true },
};

/** Every package runs its own tests with the same settings; see each package's vitest.config.ts. */
export function packageTestConfig(name: string, options: { shareModules?: boolean; workers?: number } = {}) {
  return defineProject({
    test: {
      ...sharedTestOptions,
      name,
      ...(options.workers ? { maxWorkers: options.workers } : {}),
      include: ['src/**/*.test.ts'],
      // shareModules: one module graph per worker, shared by its test files. Most of a pack's test
      // time was importing the pack again for every file (Kubernetes pack: 141 CPU-s isolated, 7.5
      // shared). Such tests must not leave module state behind (reset configure* in afterEach).
      // Every package shares modules now (the CLI's tests run it in-process); isolation stays the
      // default for a package that cannot guarantee its tests leave no module state.
      isolate: options.shareModules !== true,
    },
  });
}
