import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ThreadPool } from './thread-pool.js';

// Workers run compiled code: they import serveJobs from the package's build (`npm test` builds first).
const serveJobsUrl = new URL('../../dist/threads/serve-jobs.js', import.meta.url).href;

/**
 * A worker module: doubles numbers, sends a notice per job, fails on 13, and exits its thread on 99
 * (the crash a worker out of memory would be). `init` data is added to every answer.
 */
function workerModule(): URL {
  const dir = mkdtempSync(join(tmpdir(), 'plumbline-threads-'));
  const file = join(dir, 'worker.mjs');
  writeFileSync(
    file,
    `import { serveJobs } from ${JSON.stringify(serveJobsUrl)};
serveJobs({
  init: (data) => data?.offset ?? 0,
  async job(n, offset, notify) {
    notify({ seen: n });
    if (n === 13) throw new Error('unlucky');
    if (n === 99) process.exit(3);
    return n * 2 + (offset ?? 0);
  },
});
`,
  );
  return pathToFileURL(file);
}

const pools: ThreadPool<number, number>[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close();
});
function pool(options: Omit<ConstructorParameters<typeof ThreadPool>[0], 'url'>) {
  const p = new ThreadPool<number, number>({ url: workerModule(), ...options });
  pools.push(p);
  return p;
}

describe('ThreadPool', () => {
  it('answers every job, passes the set-up data and the notices', async () => {
    const seen: unknown[] = [];
    const p = pool({ size: 2, init: { offset: 1 }, onLoss: 'shrink', onNotice: (d) => seen.push(d) });
    expect(await Promise.all([1, 2, 3, 4, 5].map((n) => p.run(n)))).toEqual([3, 5, 7, 9, 11]);
    expect(seen).toHaveLength(5);
    expect(seen).toContainEqual({ seen: 4 });
  });

  it('rejects a job whose handler throws, and the worker takes the next one', async () => {
    const p = pool({ size: 1, onLoss: 'shrink' });
    await expect(p.run(13)).rejects.toThrow(/unlucky/);
    expect(await p.run(4)).toBe(8);
  });

  it('replaces a worker that exits when asked to, so later jobs still run on threads', async () => {
    const p = pool({ size: 1, onLoss: 'replace' });
    const crashed = p.run(99);
    const after = p.run(5);
    await expect(crashed).rejects.toThrow(/exited \(code 3\)/);
    expect(await after).toBe(10);
    expect(p.alive).toBe(1);
  });

  it('shrinks otherwise: with no worker left, queued jobs fail too', async () => {
    const p = pool({ size: 1, onLoss: 'shrink' });
    const crashed = p.run(99);
    const queued = p.run(5);
    await expect(crashed).rejects.toThrow(/exited/);
    await expect(queued).rejects.toThrow(/exited/);
    expect(p.alive).toBe(0);
  });

  it('gives back the last queued job not yet started', async () => {
    const p = pool({ size: 1, onLoss: 'shrink' });
    const first = p.run(1);
    const second = p.run(2);
    const taken = p.steal();
    expect(taken?.input).toBe(2);
    taken!.resolve(-1);
    expect(await Promise.all([first, second])).toEqual([2, -1]);
    expect(p.steal()).toBeUndefined();
  });
});
