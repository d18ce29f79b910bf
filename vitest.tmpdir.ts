import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * vitest globalSetup: every test run gets a temporary folder of its own (TMPDIR, which `tmpdir()`
 * reads, and which the processes tests start inherit), removed when the run ends, so the folders
 * tests make are not left behind in /tmp, whether or not each test cleans up after itself.
 */
let runDir: string | undefined;

export function setup(): void {
  runDir = mkdtempSync(join(tmpdir(), 'plumbline-test-run-'));
  process.env.TMPDIR = runDir;
}

export function teardown(): void {
  if (runDir) rmSync(runDir, { recursive: true, force: true });
}
