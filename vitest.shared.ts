import { defineProject } from 'vitest/config';

/** Every package runs its own tests with the same settings; see each package's vitest.config.ts. */
export function packageTestConfig(name: string) {
  return defineProject({
    test: {
      name,
      include: ['src/**/*.test.ts'],
      testTimeout: 30_000,
      hookTimeout: 30_000,
    },
  });
}
