import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { safePath, TarballError, TarballFileSource } from './tarball-source.js';
import { makeTarball } from './test-support/tarball.js';

const keep = (p: string) => p.endsWith('.yaml') || p.endsWith('Dockerfile');
const fromBuffer = (bytes: Buffer, options = {}) =>
  TarballFileSource.fromStream(Readable.from([bytes]), { keep, ...options });

async function listOf(source: TarballFileSource) {
  const out: string[] = [];
  for await (const e of source.list()) out.push(e.path);
  return out;
}

describe('TarballFileSource', () => {
  it('keeps only claimed files, without the top folder, and reads them from memory', async () => {
    const bytes = await makeTarball('acme-api-0123abc', {
      Dockerfile: 'FROM node:20\n',
      'k8s/deploy.yaml': 'kind: Deployment\n',
      'src/index.js': 'console.log(1)\n',
      'docs/logo.png': Buffer.alloc(5000, 1),
    });
    const source = await fromBuffer(bytes);
    expect(await listOf(source)).toEqual(['Dockerfile', 'k8s/deploy.yaml']);
    expect((await source.read('k8s/deploy.yaml')).toString()).toBe('kind: Deployment\n');
    await expect(source.read('src/index.js')).rejects.toThrow(/no such file/);
    expect(source.totalBytes).toBeGreaterThan(5000);
  });

  it('never materialises ../, absolute paths, symlinks, hard links or devices, and says so', async () => {
    const bytes = await makeTarball('acme-evil-1', { 'ok.yaml': 'a: 1\n' }, [
      { name: '../escape.yaml', content: 'x: 1\n' },
      { name: 'acme-evil-1/../../up.yaml', content: 'x: 1\n' },
      { name: '/etc/cron.d/evil.yaml', content: 'x: 1\n' },
      { name: 'acme-evil-1/passwd.yaml', type: 'symlink', linkname: '/etc/passwd' },
      { name: 'acme-evil-1/hard.yaml', type: 'link', linkname: 'acme-evil-1/ok.yaml' },
      { name: 'acme-evil-1/tty.yaml', type: 'character-device' },
    ]);
    const source = await fromBuffer(bytes);
    expect(await listOf(source)).toEqual(['ok.yaml']);
    expect(source.warnings).toEqual([
      { path: '../escape.yaml', message: 'unsafe path in archive (absolute or with ..): not read' },
      {
        path: 'acme-evil-1/../../up.yaml',
        message: 'unsafe path in archive (absolute or with ..): not read',
      },
      { path: '/etc/cron.d/evil.yaml', message: 'unsafe path in archive (absolute or with ..): not read' },
      { path: 'passwd.yaml', message: 'symlink in archive: not followed, not scanned' },
      { path: 'hard.yaml', message: 'link in archive: not followed, not scanned' },
      { path: 'tty.yaml', message: 'character-device in archive: not followed, not scanned' },
    ]);
    await expect(source.read('passwd.yaml')).rejects.toThrow(/no such file/);
  });

  it('fails a truncated archive with a reason', async () => {
    const bytes = await makeTarball('acme-cut-1', { 'a.yaml': 'a: 1\n'.repeat(2000), 'b.yaml': 'b: 2\n' });
    const error = await fromBuffer(bytes.subarray(0, Math.floor(bytes.length / 2))).catch((e) => e);
    expect(error).toBeInstanceOf(TarballError);
    expect(error.message).toMatch(/^truncated archive: /);
  });

  it('fails a stream that is not gzip with a reason', async () => {
    const error = await fromBuffer(Buffer.from('<html>not a tarball</html>')).catch((e) => e);
    expect(error).toBeInstanceOf(TarballError);
    expect(error.message).toMatch(/^unreadable archive: /);
  });

  it('stops at the per-repository cap (a gzip bomb cannot fill memory)', async () => {
    const bytes = await makeTarball('acme-big-1', { 'huge.bin': Buffer.alloc(3 * 1024 * 1024) });
    expect(bytes.length).toBeLessThan(64 * 1024);
    const error = await fromBuffer(bytes, { maxRepositoryBytes: 1024 * 1024 }).catch((e) => e);
    expect(error).toBeInstanceOf(TarballError);
    expect(error.message).toBe(
      'repository archive is over the 1 MB cap (uncompressed); raise --max-repo-bytes to scan it',
    );
  });

  it('lists a claimed file over the per-file cap and refuses to read it, with the reason', async () => {
    const bytes = await makeTarball('acme-f-1', {
      'big.yaml': 'a: 1\n'.repeat(1000),
      'small.yaml': 'a: 1\n',
    });
    const source = await fromBuffer(bytes, { maxFileBytes: 1000 });
    expect(await listOf(source)).toEqual(['big.yaml', 'small.yaml']);
    await expect(source.read('big.yaml')).rejects.toThrow(
      '4.9 KB is over the per-file cap of 1000 B (--max-file-bytes)',
    );
    expect(source.entries().map((e) => e.path)).toEqual(['small.yaml']);
    expect(source.refused()).toEqual([
      {
        path: 'big.yaml',
        size: 5000,
        message: '4.9 KB is over the per-file cap of 1000 B (--max-file-bytes)',
      },
    ]);
  });

  it('safePath rejects every escape and strips the top folder', () => {
    expect(safePath('o-r-1/a/b.yaml', true)).toBe('a/b.yaml');
    expect(safePath('o-r-1/', true)).toBe('');
    for (const bad of ['../a', 'o/../../a', '/abs', 'C:/x', 'o\\..\\x', 'o/a\0b'])
      expect(safePath(bad, true), bad).toBeUndefined();
  });
});
