import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledBin, bundledEnv } from './test-support/run-cli.ts';

// Services whose folder names sort differently by locale: Swedish puts `ä` after `z`, Turkish
// puts dotless `ı` before `I`, English puts both case-insensitively.
const repo = mkdtempSync(join(tmpdir(), 'plumbline-locale-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));
for (const service of ['zebra', 'äpple', 'Ingest', 'ılık', 'api']) {
  mkdirSync(join(repo, service));
  writeFileSync(join(repo, service, 'Dockerfile'), 'FROM node:latest\nRUN npm install\n');
}

function report(locale: string): string {
  const r = spawnSync(process.execPath, [bundledBin, 'audit', repo, '-f', 'json', '--fail-on', 'none'], {
    encoding: 'utf8',
    env: bundledEnv({ LANG: locale, LC_ALL: locale }),
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.replace(/"durationMs": \d+/g, '"durationMs": 0');
}

describe("a report's order", () => {
  it('is the same whatever the locale of the machine, by code units', () => {
    const english = report('en_US.UTF-8');
    expect(report('sv_SE.UTF-8')).toBe(english);
    expect(report('tr_TR.UTF-8')).toBe(english);
    const files = [...new Set((JSON.parse(english).findings as { file: string }[]).map((f) => f.file))];
    expect(files).toEqual([
      'Ingest/Dockerfile',
      'api/Dockerfile',
      'zebra/Dockerfile',
      'äpple/Dockerfile',
      'ılık/Dockerfile',
    ]);
  });
});
