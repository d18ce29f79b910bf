import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot as repo, runBuiltCli } from './test-support/run-cli.ts';

const fixtures = readdirSync(join(repo, 'fixtures'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** The JSON report of the built CLI on a fixture, with the durations (the only thing allowed to differ) zeroed. */
async function report(fixture: string, threads: number, ...extra: string[]) {
  const r = await runBuiltCli([
    'audit',
    join('fixtures', fixture),
    '-f',
    'json',
    '--fail-on',
    'none',
    '--threads',
    String(threads),
    ...extra,
  ]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.replace(/"durationMs": \d+/g, '"durationMs": 0');
}

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
