import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledBin, bundledEnv, repoRoot } from './test-support/run-cli.js';
import { writeTree } from './test-support/write-tree.js';

/** Services built from images as teams write them when starting out: several findings each. */
function services(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'plumbline-exit-'));
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++)
    files[`services/svc-${i}/Dockerfile`] =
      `FROM node:latest\nRUN apt-get update && apt-get install -y curl\nADD https://example.com/tool-${i}.tgz /opt/\nCOPY . /app\nCMD node /app/server.js\n`;
  return writeTree(dir, files);
}

/**
 * The bin's standard output through a pipe whose reader pauses after each read: the report is
 * larger than a pipe holds, so its end is still queued in the process when the run is done.
 */
function auditThroughSlowPipe(bin: string, dir: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'audit', dir, '-f', 'json', '--fail-on', 'none'], {
      cwd: repoRoot,
      env: bundledEnv(),
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const chunks: Buffer[] = [];
    // A pause after each read: the process's last writes wait in its queue when the scan is done.
    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 25);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(chunks).toString('utf8') }));
  });
}

describe('the end of a run', () => {
  // The bundle is what an installed CLI runs; the workspace bins end through the same function.
  it('exits only once a report queued for a slow pipe is written whole', async () => {
    const dir = services(120);
    const { code, stdout } = await auditThroughSlowPipe(bundledBin, dir);
    expect(code).toBe(0);
    expect(stdout.length).toBeGreaterThan(256 * 1024);
    const report = JSON.parse(stdout) as { summary: { files: number }; findings: unknown[] };
    expect(report.summary.files).toBe(120);
    expect(report.findings.length).toBeGreaterThan(500);
  });
});
