import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureNames as fixtures, fixtureReport as report } from './test-support/fixture-report.ts';
import { pooledReport, pooledReportOf } from './test-support/pooled-report.ts';
import { builtBin as bin, runBuiltCli } from './test-support/run-cli.ts';

describe('--threads', () => {
  it.each(fixtures)('gives byte-identical JSON with 1 and 2 threads on fixtures/%s', async (fixture) => {
    expect(await report(fixture, 2)).toBe(await report(fixture, 1));
  });

  it('really uses a worker thread when there are independent files, and none with --threads 1', async () => {
    // The workspace build's bin: its worker threads load the engine from dist/ (the other pooled
    // tests' load the bundle's). One thread needs no process of its own.
    const one = await pooledReport(join('fixtures', 'insecure'), 1);
    const two = pooledReportOf(bin, join('fixtures', 'insecure'), 2);
    expect(one.stderr).not.toMatch(/plumbline pool/);
    expect(two.stderr).toMatch(/plumbline pool: 1 workers, main thread \d+ files, [1-9]\d* other shards/);
    expect(two.json).toBe(one.json);
  });

  it('refuses a thread count that is not a whole number', async () => {
    const r = await runBuiltCli(['audit', 'fixtures/seed-guide', '--threads', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--threads 0: a whole number, 1 or more/);
  });
});
