import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskFileSource } from './file-source.js';

async function list(source: DiskFileSource): Promise<string[]> {
  const out: string[] = [];
  for await (const entry of source.list()) out.push(entry.path);
  return out;
}

describe('DiskFileSource', () => {
  it('honours .gitignore at every level and skips .git and node_modules', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-src-'));
    const files: Record<string, string> = {
      '.gitignore': 'build/\n*.log\n',
      'a.yaml': '',
      'x.log': '',
      'build/b.yaml': '',
      'sub/.gitignore': 'secret.yaml\n',
      'sub/secret.yaml': '',
      'sub/c.yaml': '',
      '.git/config': '',
      'node_modules/m/d.yaml': '',
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    expect(await list(new DiskFileSource(dir))).toEqual([
      '.gitignore',
      'a.yaml',
      'sub/.gitignore',
      'sub/c.yaml',
    ]);
  });

  it('survives a symbolic link loop and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-loop-'));
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'f.yaml'), '');
    symlinkSync(dir, join(dir, 'a', 'loop'));
    symlinkSync(join(dir, 'missing'), join(dir, 'dangling'));
    const source = new DiskFileSource(dir);
    expect(await list(source)).toEqual(['a/f.yaml']);
    expect(source.warnings[0]?.message).toMatch(/loop/);
  });

  it('lists a single file given as the root', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-one-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM x\n');
    const source = new DiskFileSource(join(dir, 'Dockerfile'));
    expect(await list(source)).toEqual(['Dockerfile']);
    expect((await source.read('Dockerfile')).toString()).toBe('FROM x\n');
  });
});
