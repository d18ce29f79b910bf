import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ScanPool } from './pool.js';

const dir = mkdtempSync(join(tmpdir(), 'plumbline-org-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// The compiled worker (tests run from sources; the package is built first).
const compiledWorker = new URL('../dist/worker.js', import.meta.url);

describe('ScanPool with a named worker module', () => {
  it('always scans on a worker thread, even when asked for none', async () => {
    // A plain ES module auditor that says which thread ran it.
    const auditor = join(dir, 'thread-auditor.mjs');
    writeFileSync(
      auditor,
      `import { isMainThread } from 'node:worker_threads';
export async function auditRepository(request) {
  return {
    findings: [{ ruleId: 'toy/thread', message: isMainThread ? 'main' : 'worker', file: request.repository }],
    errors: [],
    rules: [],
    summary: { files: 0 },
  };
}
`,
    );
    const pool = new ScanPool(0, compiledWorker);
    try {
      expect(pool.size).toBe(1);
      const output = await pool.run({
        repository: 'r',
        files: [],
        refused: [],
        warnings: [],
        auditor: pathToFileURL(auditor).href,
      });
      expect(output.findings.map((f) => f.message)).toEqual(['worker']);
    } finally {
      await pool.close();
    }
  });

  it('refuses a worker module that is not there instead of scanning inline', () => {
    expect(() => new ScanPool(2, pathToFileURL(join(dir, 'missing-worker.js')))).toThrow(
      /the organisation scanner's worker is missing/,
    );
  });
});
