import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { bundledBin, bundledEnv, repoRoot } from './run-cli.js';

/**
 * `plumbline audit <dir> -f json --threads N` through the bundle in a child process, with the
 * pool's debug lines on stderr (`PLUMBLINE_POOL_DEBUG`), `durationMs` zeroed so runs compare.
 */
export function pooledReport(
  dir: string,
  threads: number,
  ...extra: string[]
): { json: string; stderr: string } {
  return pooledReportOf(bundledBin, dir, threads, ...extra);
}

/** `pooledReport` through another bin (the workspace build's, `builtBin`). */
export function pooledReportOf(
  bin: string,
  dir: string,
  threads: number,
  ...extra: string[]
): { json: string; stderr: string } {
  const r = spawnSync(
    process.execPath,
    [bin, 'audit', dir, '-f', 'json', '--fail-on', 'none', '--threads', String(threads), ...extra],
    { cwd: repoRoot, encoding: 'utf8', env: bundledEnv({ PLUMBLINE_POOL_DEBUG: '1' }) },
  );
  expect(r.status, r.stderr).toBe(0);
  return { json: r.stdout.replace(/"durationMs": \d+/g, '"durationMs": 0'), stderr: r.stderr };
}
