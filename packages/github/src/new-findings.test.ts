import { afterAll, describe, expect, it } from 'vitest';
import { newFindingsSince } from './new-findings.js';
import { TestRepo } from './test-support/git-repo.js';
import { toyScan } from './test-support/toy-scanner.js';

const repos: TestRepo[] = [];
afterAll(() => {
  for (const r of repos) r.remove();
});

describe('newFindingsSince', () => {
  it('reports only what the head adds: moved, renamed and unchanged findings are not new', async () => {
    const repo = new TestRepo();
    repos.push(repo);
    repo.commit('base', {
      'svc/a.txt': 'image: old:latest\n',
      'svc/moved.txt': 'image: moved:latest\n',
      'svc/fixed.txt': 'image: fixed:latest\n',
    });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.git('mv', 'svc/moved.txt', 'svc/renamed.txt');
    repo.commit('head', {
      // an edit above the old finding shifts it down a line: same fingerprint
      'svc/a.txt': '# comment\nimage: old:latest\nimage: new:latest\n',
      'svc/fixed.txt': 'image: fixed:1.0\n',
    });
    const result = await newFindingsSince({ root: repo.dir, ref: 'main', scan: toyScan });
    expect(result.head.findings.map((f) => `${f.file}:${f.startLine}`)).toEqual([
      'svc/a.txt:2',
      'svc/a.txt:3',
      'svc/renamed.txt:1',
    ]);
    expect(result.newFindings.map((f) => `${f.file}:${f.startLine} ${f.message}`)).toEqual([
      'svc/a.txt:3 Image new uses the mutable latest tag',
    ]);
    expect(result.result.summary.findings).toBe(1);
    expect(result.result.summary.bySeverity.high).toBe(1);
    expect(result.baseCommit).toBe(repo.git('rev-parse', 'main'));
  });

  it('compares with the merge base, so fixes that landed on main later do not count', async () => {
    const repo = new TestRepo();
    repos.push(repo);
    const fork = repo.commit('base', { 'a.txt': 'image: one:latest\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('feature', { 'b.txt': 'image: two:latest\n' });
    repo.git('checkout', '-q', 'main');
    repo.commit('main moves on', { 'a.txt': 'image: one:1.0\n' });
    repo.git('checkout', '-q', 'feature');
    const viaMergeBase = await newFindingsSince({ root: repo.dir, ref: 'main', scan: toyScan });
    expect(viaMergeBase.baseCommit).toBe(fork);
    expect(viaMergeBase.newFindings.map((f) => f.file)).toEqual(['b.txt']);
    const direct = await newFindingsSince({ root: repo.dir, ref: 'main', scan: toyScan, mergeBase: false });
    expect(direct.newFindings.map((f) => f.file)).toEqual(['a.txt', 'b.txt']);
  });

  it('scans a sub-folder on both sides and counts uncommitted work as head', async () => {
    const repo = new TestRepo();
    repos.push(repo);
    repo.commit('base', { 'infra/a.txt': 'image: a:latest\n', 'other/x.txt': 'image: x:latest\n' });
    repo.write({ 'infra/b.txt': 'image: b:latest\n' });
    const result = await newFindingsSince({ root: `${repo.dir}/infra`, ref: 'HEAD', scan: toyScan });
    expect(result.head.findings.map((f) => f.file)).toEqual(['a.txt', 'b.txt']);
    expect(result.base.findings.map((f) => f.file)).toEqual(['a.txt']);
    expect(result.newFindings.map((f) => f.file)).toEqual(['b.txt']);
  });
});
