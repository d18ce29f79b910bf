import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskFileSource } from './file-source.js';

async function listEntries(source: DiskFileSource): Promise<{ path: string; skipped?: string }[]> {
  const out: { path: string; skipped?: string }[] = [];
  for await (const entry of source.list()) out.push({ path: entry.path, skipped: entry.skipped?.kind });
  return out;
}

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

  it('lists depth first in name order, files before the folders beside them, with repository paths', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'plumbline-order-'));
    mkdirSync(join(repo, '.git'));
    const root = join(repo, 'deploy');
    const files = [
      'Chart.yaml',
      'a/values.yaml',
      'a/b/c/deep.yaml',
      'a/b/z.yaml',
      'a-b/x.tf',
      'a_b/y.tf',
      'B/upper.yaml',
      'charts/.gitignore',
      'charts/tmp/out.yaml',
      'charts/kept.yaml',
      'z.yaml',
    ];
    for (const name of files) {
      mkdirSync(join(root, name, '..'), { recursive: true });
      writeFileSync(join(root, name), name === 'charts/.gitignore' ? 'tmp/\n' : '');
    }
    const entries: { path: string; repoPath?: string }[] = [];
    for await (const { path, repoPath } of new DiskFileSource(`${root}/`).list())
      entries.push({ path, repoPath });
    expect(entries.map((e) => e.path)).toEqual([
      'Chart.yaml',
      'z.yaml',
      'B/upper.yaml',
      'a/values.yaml',
      'a/b/z.yaml',
      'a/b/c/deep.yaml',
      'a-b/x.tf',
      'a_b/y.tf',
      'charts/.gitignore',
      'charts/kept.yaml',
    ]);
    expect(entries.every((e) => e.repoPath === `deploy/${e.path}`)).toBe(true);
  });

  it('survives a symbolic link loop, and lists a broken link as skipped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-loop-'));
    mkdirSync(join(dir, 'a'));
    writeFileSync(join(dir, 'a', 'f.yaml'), '');
    symlinkSync(dir, join(dir, 'a', 'loop'));
    symlinkSync(join(dir, 'missing'), join(dir, 'dangling'));
    const entries = await listEntries(new DiskFileSource(dir));
    expect(entries).toEqual([
      { path: 'dangling', skipped: 'unreadable' },
      { path: 'a/f.yaml', skipped: undefined },
    ]);
  });

  it('never follows a link out of the root, reads a link inside it once, and skips FIFOs', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'plumbline-outside-'));
    writeFileSync(join(outside, 'config'), 'token = ghp_0123456789abcdefghijABCDEFGHIJ012345\n');
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-links-'));
    mkdirSync(join(dir, 'k8s'));
    writeFileSync(join(dir, 'k8s', 'app.yaml'), 'kind: x\n');
    symlinkSync(join(outside, 'config'), join(dir, 'k8s', 'leak.yaml'));
    symlinkSync(outside, join(dir, 'outdir'));
    symlinkSync('/', join(dir, 'rootfs'));
    symlinkSync('app.yaml', join(dir, 'k8s', 'alias.yaml'));
    symlinkSync('k8s', join(dir, 'again'));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'config'), '[http]\n');
    symlinkSync('../.git/config', join(dir, 'k8s', 'git.yaml'));
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    const source = new DiskFileSource(dir);
    const entries = await listEntries(source);
    expect(entries).toEqual([
      { path: 'outdir', skipped: 'outside-root' },
      { path: 'pipe.yaml', skipped: 'special-file' },
      { path: 'rootfs', skipped: 'outside-root' },
      { path: 'k8s/app.yaml', skipped: undefined },
      { path: 'k8s/git.yaml', skipped: 'outside-root' },
      { path: 'k8s/leak.yaml', skipped: 'outside-root' },
    ]);
    await expect(source.read('k8s/git.yaml')).rejects.toThrow(/outside the scanned folder/);
    await expect(source.read('k8s/leak.yaml')).rejects.toThrow(/outside the scanned folder/);
    await expect(source.read('outdir/config')).rejects.toThrow(/outside the scanned folder/);
    await expect(source.read('../x')).rejects.toThrow(/leaves the scanned folder/);
    await expect(source.read('pipe.yaml')).rejects.toThrow(/not a regular file/);
  });

  it('lists tracked files even when an ignore file matches them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-tracked-'));
    for (const name of ['.gitignore', 'k8s/app.yaml', 'k8s/local.yaml'])
      mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, '.gitignore'), '*\n');
    writeFileSync(join(dir, 'k8s', 'app.yaml'), '');
    writeFileSync(join(dir, 'k8s', 'local.yaml'), '');
    const tracked = new Set(['.gitignore', 'k8s/app.yaml']);
    expect(await list(new DiskFileSource(dir, '.', { tracked }))).toEqual(['.gitignore', 'k8s/app.yaml']);
    expect(await list(new DiskFileSource(dir))).toEqual([]);
  });

  it("asks for git's list once, only when a walk meets an ignore file", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-tracked-lazy-'));
    mkdirSync(join(dir, 'k8s'));
    mkdirSync(join(dir, 'plain'));
    writeFileSync(join(dir, 'k8s', '.gitignore'), 'local.yaml\n');
    for (const name of ['k8s/app.yaml', 'k8s/local.yaml', 'plain/app.yaml', 'Dockerfile'])
      writeFileSync(join(dir, name), '');
    let asked = 0;
    const tracked = () => {
      asked++;
      return new Set(['Dockerfile', 'k8s/.gitignore', 'k8s/app.yaml', 'k8s/local.yaml', 'plain/app.yaml']);
    };
    // Named files, and a folder without ignore files: git is never asked.
    const named = new DiskFileSource(dir, '.', { paths: ['Dockerfile', 'k8s/local.yaml', 'plain'], tracked });
    expect(await list(named)).toEqual(['Dockerfile', 'k8s/local.yaml', 'plain/app.yaml']);
    expect(asked).toBe(0);
    // The whole tree: asked once, and the tracked file the ignore file names is listed.
    const whole = new DiskFileSource(dir, '.', { tracked });
    expect(await list(whole)).toEqual([
      'Dockerfile',
      'k8s/.gitignore',
      'k8s/app.yaml',
      'k8s/local.yaml',
      'plain/app.yaml',
    ]);
    expect(asked).toBe(1);
    expect(await list(whole)).toHaveLength(5);
    expect(asked).toBe(1);
    // Outside a git work tree the function says so, and the ignore file applies.
    expect(await list(new DiskFileSource(dir, '.', { tracked: () => undefined }))).toEqual([
      'Dockerfile',
      'k8s/.gitignore',
      'k8s/app.yaml',
      'plain/app.yaml',
    ]);
  });

  it('lists a single file given as the root', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-one-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM x\n');
    const source = new DiskFileSource(join(dir, 'Dockerfile'));
    expect(await list(source)).toEqual(['Dockerfile']);
    expect((await source.read('Dockerfile')).toString()).toBe('FROM x\n');
  });
});

describe('DiskFileSource.listFolder and reads beyond the listing', () => {
  function tree(): { dir: string; outside: string } {
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-folder-'));
    const outside = mkdtempSync(join(tmpdir(), 'plumbline-outside-'));
    writeFileSync(join(outside, 'secret.tf'), 'x = 1\n');
    for (const [name, text] of Object.entries({
      'main.tf': 'module "sg" {}\n',
      '.terraform/modules/modules.json': '{"Modules":[]}',
      '.terraform/modules/sg/main.tf': 'resource "a" "b" {}\n',
      '.git/config': '[core]\n',
    })) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    symlinkSync(outside, join(dir, '.terraform', 'modules', 'escape'));
    symlinkSync(join(outside, 'secret.tf'), join(dir, '.terraform', 'modules', 'sg', 'leak.tf'));
    return { dir, outside };
  }

  it('lists .terraform folders (which discovery never walks) and leaves out links out of the root', async () => {
    const { dir } = tree();
    const source = new DiskFileSource(dir);
    expect(await list(source)).toEqual(['main.tf']);
    expect(await source.listFolder('.terraform/modules')).toEqual([
      { name: 'modules.json', kind: 'file', size: 14 },
      { name: 'sg', kind: 'folder', size: 0 },
    ]);
    expect((await source.listFolder('.terraform/modules/sg')).map((e) => e.name)).toEqual(['main.tf']);
    expect((await source.read('.terraform/modules/sg/main.tf')).toString()).toBe('resource "a" "b" {}\n');
  });

  it('refuses paths that leave the root, links out of it, and .git', async () => {
    const { dir } = tree();
    const source = new DiskFileSource(dir);
    await expect(source.listFolder('.terraform/modules/escape')).rejects.toThrow(
      /outside the scanned folder/,
    );
    await expect(source.read('.terraform/modules/sg/leak.tf')).rejects.toThrow(/outside the scanned folder/);
    await expect(source.read('../x')).rejects.toThrow(/leaves the scanned folder/);
    await expect(source.listFolder('/etc')).rejects.toThrow(/leaves the scanned folder/);
    await expect(source.read('.git/config')).rejects.toThrow(/outside the scanned folder/);
  });

  it('refuses a file swapped for a link out of the root after its folder was read', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'plumbline-outside-'));
    writeFileSync(join(outside, 'credentials'), 'token=not-for-you\n');
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-swap-'));
    mkdirSync(join(dir, 'deploy'));
    writeFileSync(join(dir, 'deploy', 'a.yaml'), 'kind: ConfigMap\n');
    writeFileSync(join(dir, 'deploy', 'b.yaml'), 'kind: Secret\n');
    const source = new DiskFileSource(dir);
    expect(await list(source)).toEqual(['deploy/a.yaml', 'deploy/b.yaml']);
    expect((await source.read('deploy/a.yaml')).toString()).toBe('kind: ConfigMap\n');
    rmSync(join(dir, 'deploy', 'b.yaml'));
    symlinkSync(join(outside, 'credentials'), join(dir, 'deploy', 'b.yaml'));
    await expect(source.read('deploy/b.yaml')).rejects.toThrow(/outside the scanned folder/);
    // A link that stays inside is still read, through the slow path.
    rmSync(join(dir, 'deploy', 'b.yaml'));
    symlinkSync(join(dir, 'deploy', 'a.yaml'), join(dir, 'deploy', 'b.yaml'));
    expect((await source.read('deploy/b.yaml')).toString()).toBe('kind: ConfigMap\n');
  });

  it('refuses a folder swapped for a link out of the root before anything in it was read', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'plumbline-outside-'));
    mkdirSync(join(outside, 'prod'));
    writeFileSync(join(outside, 'prod', 'values.yaml'), 'password: not-for-you\n');
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-swap-'));
    mkdirSync(join(dir, 'charts', 'app', 'prod'), { recursive: true });
    writeFileSync(join(dir, 'charts', 'Chart.yaml'), 'name: umbrella\n');
    writeFileSync(join(dir, 'charts', 'app', 'prod', 'values.yaml'), 'replicas: 2\n');
    const source = new DiskFileSource(dir);
    expect(await list(source)).toEqual(['charts/Chart.yaml', 'charts/app/prod/values.yaml']);
    expect((await source.read('charts/Chart.yaml')).toString()).toBe('name: umbrella\n');
    // `charts/app` (between a folder read from and the file) becomes a link out of the root.
    rmSync(join(dir, 'charts', 'app'), { recursive: true });
    symlinkSync(outside, join(dir, 'charts', 'app'));
    await expect(source.read('charts/app/prod/values.yaml')).rejects.toThrow(/outside the scanned folder/);
  });

  it('reads through a folder linked inside the root under its real path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plumbline-inside-'));
    mkdirSync(join(dir, 'base', 'nested'), { recursive: true });
    writeFileSync(join(dir, 'base', 'nested', 'app.yaml'), 'kind: ConfigMap\n');
    symlinkSync(join(dir, 'base'), join(dir, 'overlay'));
    const source = new DiskFileSource(dir);
    await list(source);
    expect((await source.read('overlay/nested/app.yaml')).toString()).toBe('kind: ConfigMap\n');
    expect((await source.read('base/nested/app.yaml')).toString()).toBe('kind: ConfigMap\n');
  });

  it('with named paths, reads only inside what was named', async () => {
    const { dir } = tree();
    mkdirSync(join(dir, 'other'));
    writeFileSync(join(dir, 'other', 'x.tf'), '');
    const source = new DiskFileSource(dir, '.', { paths: ['.terraform/modules/sg'] });
    await list(source);
    expect((await source.listFolder('.terraform/modules/sg')).map((e) => e.name)).toEqual(['main.tf']);
    await expect(source.listFolder('other')).rejects.toThrow(/outside the scanned folder/);
  });
});
