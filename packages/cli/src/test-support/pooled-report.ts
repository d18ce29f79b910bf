import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { bundledEnv, repoRoot, runBuiltCli } from './run-cli.js';

/**
 * `plumbline audit <dir> -f json --threads N`, run in the test's process (`runBuiltCli`: its
 * worker threads load the bundle's worker files), with the pool's debug lines in `stderr`
 * (`PLUMBLINE_POOL_DEBUG`) and `durationMs` zeroed so runs compare. A child process per run cost
 * ~0.4 CPU-s more each (bench/README.md, twelfth session).
 */
export async function pooledReport(
  dir: string,
  threads: number,
  ...extra: string[]
): Promise<{ json: string; stderr: string }> {
  const r = await runBuiltCli(
    ['audit', dir, '-f', 'json', '--fail-on', 'none', '--threads', String(threads), ...extra],
    repoRoot,
    { PLUMBLINE_POOL_DEBUG: '1' },
  );
  expect(r.code, r.stderr).toBe(0);
  return { json: zeroDurations(r.stdout), stderr: r.stderr };
}

/**
 * `pooledReport` in a child process running `bin` (the workspace build's `builtBin`, the bundle's
 * `bundledBin`): for what only a process shows (its prestarted worker, dist/ worker files).
 */
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
  return { json: zeroDurations(r.stdout), stderr: r.stderr };
}

const zeroDurations = (json: string) => json.replace(/"durationMs": \d+/g, '"durationMs": 0');
