import { defineProject } from 'vitest/config';

/** Every package runs its own tests with the same settings; see each package's vitest.config.ts. */
export function packageTestConfig(name: string) {
  return defineProject({
    test: {
      name,
      include: ['src/**/*.test.ts'],
      // Generous: several packages test by spawning the CLI or the bundled Action, and `npm test` runs
      // packages in parallel on two cores. A hung test still fails.
      testTimeout: 120_000,
      hookTimeout: 120_000,
    },
  });
}
