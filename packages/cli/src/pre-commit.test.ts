import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repo = new URL('../../../', import.meta.url).pathname;
const bin = join(repo, 'packages', 'cli', 'bin', 'plumbline.js');

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
}

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(repo, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

  it('defines the audit and fix hooks on the files Plumbline reads', () => {
    expect(hooks.map((h) => h.id)).toEqual(['plumbline', 'plumbline-fix']);
    const files = new RegExp(hooks[0]!.files);
    for (const f of [
      'Dockerfile',
      'api/Dockerfile.prod',
      'k8s/deploy.yaml',
      '.github/workflows/ci.yml',
      'main.tf',
    ])
      expect(files.test(f), f).toBe(true);
    for (const f of ['README.md', 'src/index.ts']) expect(files.test(f), f).toBe(false);
  });

  it('runs its entry the way pre-commit does: the staged file names appended', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-pre-commit-'));
    writeFileSync(
      join(dir, 'Dockerfile'),
      'FROM debian:12\nRUN curl -k https://example.com/x -o /x\nUSER 1000\n',
    );
    writeFileSync(join(dir, 'ok.yaml'), 'a: 1\n');
    const [command, ...args] = hooks[0]!.entry.split(' ');
    expect(command).toBe('plumbline');
    const r = spawnSync(process.execPath, [bin, ...args, 'Dockerfile', 'ok.yaml'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('dockerfile/curl-insecure');
  });
});
