import { DiskFileSource } from '@plumbline/core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ensureCommit,
  findMergeBase,
  GitFileSource,
  isShallow,
  mergeBase,
  parentsOf,
  renamesSince,
  repoLayout,
} from './git.js';
import { TestRepo } from './test-support/git-repo.js';

const repos: TestRepo[] = [];
afterAll(() => {
  for (const r of repos) r.remove();
});

/** A fresh repository, removed after the file's tests. */
function newRepo(): TestRepo {
  const repo = new TestRepo();
  repos.push(repo);
  return repo;
}

async function listAll(source: GitFileSource): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for await (const entry of source.list()) out[entry.path] = (await source.read(entry.path)).toString('utf8');
  return out;
}

describe('GitFileSource', () => {
  it('reads the files of a commit without touching the work tree', async () => {
    const repo = newRepo();
    const base = repo.commit('base', {
      'a.txt': 'one\n',
      'infra/b.txt': 'two\n',
      'node_modules/x/c.txt': 'skip\n',
    });
    repo.commit('head', { 'a.txt': 'changed\n', 'infra/b.txt': null, 'new.txt': 'new\n' });
    repo.write({ 'a.txt': 'uncommitted\n' });
    const source = new GitFileSource({ cwd: repo.dir, commit: base });
    expect(await listAll(source)).toEqual({ 'a.txt': 'one\n', 'infra/b.txt': 'two\n' });
    source.close();
    expect(repo.git('status', '--porcelain')).toBe('M a.txt');
  });

  it('lists a sub-folder relative to it, and base files under their renamed head paths', async () => {
    const repo = newRepo();
    const base = repo.commit('base', {
      'infra/old.txt': 'image: a:latest\nmore\nlines\nhere\n',
      'infra/keep.txt': 'k\n',
      'top.txt': 't\n',
    });
    repo.git('mv', 'infra/old.txt', 'infra/new.txt');
    repo.commit('rename');
    const { prefix, topLevel } = await repoLayout(`${repo.dir}/infra`);
    expect(prefix).toBe('infra/');
    expect(await repoLayout(repo.dir)).toEqual({ topLevel, prefix: '' });
    const renames = await renamesSince(topLevel, base);
    expect([...renames]).toEqual([['infra/old.txt', 'infra/new.txt']]);
    const source = new GitFileSource({ cwd: topLevel, commit: base, prefix, renames });
    expect(Object.keys(await listAll(source))).toEqual(['keep.txt', 'new.txt']);
    source.close();
  });

  it("lists the commit's folders, and reads .terraform/ from the commit, else from the work tree", async () => {
    const repo = newRepo();
    const base = repo.commit('base', {
      'infra/main.tf': 'module "vpc" {}\n',
      'infra/envs/prod.tfvars': 'x = 1\n',
      'infra/.terraform/modules/modules.json': '{"Modules":[]}',
    });
    // What `terraform init` left in the work tree after the commit: a module it does not hold, and
    // a manifest that differs from the committed one.
    repo.write({
      'infra/.terraform/modules/vpc/main.tf': 'resource "aws_vpc" "this" {}\n',
      'infra/.terraform/modules/modules.json': '{"Modules":[{"Key":"vpc"}]}',
    });
    const { prefix, topLevel } = await repoLayout(`${repo.dir}/infra`);
    const environment = new DiskFileSource(`${repo.dir}/infra`);
    const source = new GitFileSource({ cwd: topLevel, commit: base, prefix, environment });
    // Listed as a walk of the work tree lists them: a folder's files before its subfolders.
    expect(Object.keys(await listAll(source))).toEqual(['main.tf', 'envs/prod.tfvars']);
    expect(await source.listFolder('')).toEqual([
      { name: 'envs', kind: 'folder', size: 0 },
      { name: 'main.tf', kind: 'file', size: 16 },
    ]);
    expect(await source.listFolder('envs')).toEqual([{ name: 'prod.tfvars', kind: 'file', size: 6 }]);
    await expect(source.listFolder('nope')).rejects.toThrow(/no such folder/);
    expect(await source.listFolder('.terraform/modules/vpc')).toEqual([
      { name: 'main.tf', kind: 'file', size: 29 },
    ]);
    expect((await source.read('.terraform/modules/vpc/main.tf')).toString()).toBe(
      'resource "aws_vpc" "this" {}\n',
    );
    // What the commit holds is the commit's.
    expect(await source.listFolder('.terraform/modules')).toEqual([
      { name: 'modules.json', kind: 'file', size: 14 },
    ]);
    expect((await source.read('.terraform/modules/modules.json')).toString()).toBe('{"Modules":[]}');
    source.close();
    // Without a work tree, only what the commit holds.
    const bare = new GitFileSource({ cwd: topLevel, commit: base, prefix });
    expect((await bare.read('.terraform/modules/modules.json')).toString()).toBe('{"Modules":[]}');
    await expect(bare.listFolder('.terraform/modules/vpc')).rejects.toThrow(/not in/);
    await expect(bare.read('.terraform/modules/vpc/main.tf')).rejects.toThrow(/no such file/);
    bare.close();
  });

  it('reads many blobs, some larger than a pipe buffer, through one cat-file process', async () => {
    const repo = newRepo();
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`f${i}.txt`] = `${'x'.repeat(i * 1000)}\n${i}\n`;
    const commit = repo.commit('many', files);
    const source = new GitFileSource({ cwd: repo.dir, commit });
    const read = await Promise.all(
      Object.keys(files).map((p) => source.read(p).then((b) => [p, b.toString('utf8')])),
    );
    expect(Object.fromEntries(read)).toEqual(files);
    await expect(source.read('missing.txt')).rejects.toThrow(/no such file/);
    source.close();
  });
});

describe('ensureCommit', () => {
  it('fetches a commit a shallow clone lacks, and reads parents of a shallow commit', async () => {
    const origin = new TestRepo();
    repos.push(origin);
    const base = origin.commit('base', { 'a.txt': 'a\n' });
    const head = origin.commit('head', { 'a.txt': 'b\n' });
    const clone = new TestRepo(`${origin.dir}-clone`);
    repos.push(clone);
    origin.git('clone', '-q', '--depth=1', `file://${origin.dir}`, clone.dir);
    expect(await isShallow(clone.dir)).toBe(true);
    expect(await parentsOf(clone.dir, 'HEAD')).toEqual([base]);
    expect(await ensureCommit(clone.dir, head)).toBe(head);
    expect(await ensureCommit(clone.dir, base, { depth: 1 })).toBe(base);
    await expect(ensureCommit(clone.dir, 'f'.repeat(40), { depth: 1 })).rejects.toThrow(/git fetch failed/);
  });
});

describe('findMergeBase', () => {
  it('deepens a shallow clone until the merge base shows up', async () => {
    const origin = new TestRepo();
    repos.push(origin);
    origin.git('config', 'uploadpack.allowAnySHA1InWant', 'true');
    const fork = origin.commit('fork point', { 'a.txt': 'a\n' });
    origin.git('checkout', '-q', '-b', 'feature');
    for (let i = 0; i < 5; i++) origin.commit(`feature ${i}`, { 'f.txt': `${i}\n` });
    const head = origin.git('rev-parse', 'HEAD');
    origin.git('checkout', '-q', 'main');
    for (let i = 0; i < 3; i++) origin.commit(`main ${i}`, { 'm.txt': `${i}\n` });
    const base = origin.git('rev-parse', 'HEAD');
    const clone = new TestRepo(`${origin.dir}-shallow`);
    repos.push(clone);
    origin.git('clone', '-q', '--depth=1', '--branch=feature', `file://${origin.dir}`, clone.dir);
    await ensureCommit(clone.dir, base, { depth: 1 });
    expect(await mergeBase(clone.dir, base, head)).toBeUndefined();
    expect(await findMergeBase(clone.dir, base, head, [2, 4])).toBe(fork);
  });
});
