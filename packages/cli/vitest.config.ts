import { defineProject } from 'vitest/config';

// The CLI tests spawn the built CLI many times; under a full parallel `npm test` on two cores a
// single spawn can take several seconds, so allow more than the shared default.
export default defineProject({
  test: { name: 'cli', include: ['src/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
});
