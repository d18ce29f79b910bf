import { describe, expect, it } from 'vitest';
import { fixtureNames as fixtures, fixtureReport as report } from './test-support/fixture-report.ts';

// The not-rendered half of threads.test.ts, in a file of its own so that vitest's workers share the scans.
describe('--threads --no-render', () => {
  // Without rendering, YAML is split too (by folder for Kubernetes, by repository for workflows).
  it.each(fixtures)(
    'gives byte-identical JSON with 1 and 2 threads on fixtures/%s, not rendered',
    async (fixture) => {
      expect(await report(fixture, 2, '--no-render')).toBe(await report(fixture, 1, '--no-render'));
    },
  );
});
