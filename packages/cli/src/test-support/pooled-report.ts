import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { builtBin, repoRoot } from './run-cli.js';

/**
 * `plumbline audit <dir> -f json --threads N` through the built bin in a child process, with the
 * pool's debug lines on stderr (`PLUMBLINE_POOL_DEBUG`), `durationMs` zeroed so runs compare.
 */
export function pooledReport(
  dir: string,
  threads: number,
  ...extra: string[]
): { json: string; stderr: string } {
  const r = spawnSync(
    process.execPath,
    [builtBin, 'audit', dir, '-f', 'json', '--fail-on', 'none', '--threads', String(threads), ...extra],
    { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, PLUMBLINE_POOL_DEBUG: '1' } },
  );
  expect(r.status, r.stderr).toBe(0);
  return { json: r.stdout.replace(/"durationMs": \d+/g, '"durationMs": 0'), stderr: r.stderr };
}
