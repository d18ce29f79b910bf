import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = new URL('../../../', import.meta.url).pathname;
const bin = join(repo, 'packages', 'cli', 'dist', 'bin.js');
const fixtures = readdirSync(join(repo, 'fixtures'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** The JSON report of the built CLI on a fixture, with the durations (the only thing allowed to differ) zeroed. */
function report(fixture: string, threads: number, ...extra: string[]) {
  const r = spawnSync(
    process.execPath,
    [
      bin,
      'audit',
      join('fixtures', fixture),
      '-f',
      'json',
      '--fail-on',
      'none',
      '--threads',
      String(threads),
      ...extra,
    ],
    { cwd: repo, encoding: 'utf8', env: { ...process.env, PLUMBLINE_POOL_DEBUG: '1' } },
  );
  expect(r.status, r.stderr).toBe(0);
  return { json: r.stdout.replace(/"durationMs": \d+/g, '"durationMs": 0'), stderr: r.stderr };
}

describe('--threads', () => {
  it.each(fixtures)('gives byte-identical JSON with 1 and 2 threads on fixtures/%s', (fixture) => {
    const one = report(fixture, 1);
    const two = report(fixture, 2);
    expect(one.stderr).not.toMatch(/plumbline pool/);
    expect(two.json).toBe(one.json);
  });

  // Without rendering, YAML is split too (by folder for Kubernetes, by repository for workflows).
  it.each(fixtures)(
    'gives byte-identical JSON with 1 and 2 threads on fixtures/%s, not rendered',
    (fixture) => {
      expect(report(fixture, 2, '--no-render').json).toBe(report(fixture, 1, '--no-render').json);
    },
  );

  it('really uses a worker thread when there are independent files', () => {
    expect(report('insecure', 2).stderr).toMatch(
      /plumbline pool: 1 workers, main thread \d+ files, [1-9]\d* other shards/,
    );
  });

  it('refuses a thread count that is not a whole number', () => {
    const r = spawnSync(process.execPath, [bin, 'audit', 'fixtures/seed-guide', '--threads', '0'], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--threads 0: a whole number, 1 or more/);
  });
});
