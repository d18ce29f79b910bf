import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { repoRoot, runBuiltCli } from './run-cli.js';

/** The sample repositories under `fixtures/`. */
export const fixtureNames = readdirSync(join(repoRoot, 'fixtures'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** The JSON report of the built CLI on a fixture, with the durations (the only thing allowed to differ) zeroed. */
export async function fixtureReport(fixture: string, threads: number, ...extra: string[]): Promise<string> {
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
