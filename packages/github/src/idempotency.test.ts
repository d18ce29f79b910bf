/**
 * What keeps the pull request clean when runs overlap, writes fail half-way, or GitHub asks to
 * wait: against the loopback fake GitHub.
 */
import type { Finding } from '@plumbline/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubClient, type GitHubClient } from './client.js';
import { parsePatch } from './diff.js';
import {
  planReviewComments,
  postedFingerprints,
  postReviewComments,
  removeDuplicateReviewComments,
  reportMarker,
} from './pull-request.js';
import { nextState, readState, stateLine, upsertStickyComment } from './sticky-comment.js';
import { FakeGitHub } from './test-support/fake-github.js';

let gh: FakeGitHub;
let client: GitHubClient;
const warnings: string[] = [];
const pr = { owner: 'Codertocat', repo: 'Hello-World', number: 2, headSha: 'a'.repeat(40) };

function newClient(): GitHubClient {
  return createGitHubClient({
    token: gh.token,
    baseUrl: gh.url,
    pace: 'none',
    log: { debug() {}, info() {}, warn: (m) => warnings.push(m), error() {} },
  });
}

beforeEach(async () => {
  gh = await new FakeGitHub().start();
  warnings.length = 0;
  client = newClient();
});
afterEach(async () => {
  await gh.stop();
});

function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: 'dockerfile/apt-no-install-recommends',
    title: 'apt-get install without --no-install-recommends',
    severity: 'medium',
    category: 'best-practice',
    confidence: 'high',
    message: 'apt-get install pulls recommended packages',
    remediation: 'Add --no-install-recommends.',
    file: 'Dockerfile',
    startLine: 2,
    startColumn: 5,
    endLine: 2,
    endColumn: 40,
    fingerprint: 'f0',
    aliases: [],
    ...over,
  };
}

const marker = reportMarker();

describe('sticky comment', () => {
  it('two overlapping runs leave one comment with the content of the run', async () => {
    const [a, b] = await Promise.all([
      upsertStickyComment(newClient(), pr, 'same body', { marker }),
      upsertStickyComment(newClient(), pr, 'same body', { marker }),
    ]);
    expect(gh.issueComments).toHaveLength(1);
    expect(gh.issueComments[0]!.body).toBe(`${marker}\nsame body`);
    expect(a.id).toBe(gh.issueComments[0]!.id);
    expect(b.id).toBe(gh.issueComments[0]!.id);
  });

  it('a create answered with 502 after GitHub stored it is not posted twice', async () => {
    gh.failures.push({
      method: 'POST',
      path: /\/issues\/2\/comments$/,
      status: 502,
      message: 'Bad Gateway',
      afterWrite: true,
    });
    const result = await upsertStickyComment(client, pr, 'body', { marker });
    expect(result.action).toBe('created');
    expect(gh.issueComments).toHaveLength(1);
    expect(gh.writes().filter((w) => w.startsWith('POST'))).toHaveLength(1);
  });

  it('deletes extra comments of ours left by earlier runs, keeps the oldest, and leaves others alone', async () => {
    for (const body of [`${marker}\nold 1`, 'human', `${marker}\nold 2`, `> ${marker} quoted by a human`])
      await client.rest.issues.createComment({ owner: pr.owner, repo: pr.repo, issue_number: 2, body });
    const result = await upsertStickyComment(client, pr, 'new', { marker });
    expect(result).toMatchObject({ action: 'updated', removed: 1 });
    expect(gh.issueComments.map((c) => c.body)).toEqual([
      `${marker}\nnew`,
      'human',
      `> ${marker} quoted by a human`,
    ]);
  });

  it('does not rewrite the comment when only the scan time or the hidden state changed', async () => {
    const content = (b: string) => b.replace(/<sub>.*<\/sub>/, '');
    await upsertStickyComment(client, pr, 'findings\n<sub>scanned in 1.2s</sub>', { marker, content });
    const again = await upsertStickyComment(client, pr, 'findings\n<sub>scanned in 0.9s</sub>', {
      marker,
      content,
    });
    expect(again.action).toBe('unchanged');
    expect(gh.writes().filter((w) => w.startsWith('PATCH'))).toEqual([]);
  });

  it('remembers the findings to say how many the last push fixed, and says the same on a re-run', () => {
    const first = nextState(undefined, 'h1', ['aaaaaaaaaaaa1111', 'bbbbbbbbbbbb2222', 'cccccccccccc3333']);
    expect(first.fixed).toBe(0);
    const stored = readState(`body\n${stateLine(first.state)}\n`);
    expect(stored).toEqual(first.state);
    const second = nextState(stored, 'h2', ['aaaaaaaaaaaa1111']);
    expect(second.fixed).toBe(2);
    const rerun = nextState(second.state, 'h2', ['aaaaaaaaaaaa1111']);
    expect(rerun.fixed).toBe(2);
    expect(nextState(rerun.state, 'h3', ['aaaaaaaaaaaa1111']).fixed).toBe(0);
    expect(readState('<!-- plumbline:state {broken -->')).toBeUndefined();
  });
});

describe('review comments', () => {
  const patch =
    '@@ -1,2 +1,4 @@\n FROM debian:12\n+RUN apt-get install curl\n+RUN apt-get install git\n USER 1000\n';

  it('puts the findings of one line in one comment, leaves out those below the threshold, and takes the worst lines first', () => {
    const diffs = new Map([['Dockerfile', parsePatch(patch)]]);
    const findings = [
      finding({ fingerprint: 'm2', startLine: 2 }),
      finding({ fingerprint: 'l2', startLine: 2, severity: 'low', ruleId: 'dockerfile/pin-apt-versions' }),
      finding({ fingerprint: 'h2', startLine: 2, severity: 'high', ruleId: 'dockerfile/apt-get-assume-yes' }),
      finding({ fingerprint: 'm3', startLine: 3, confidence: 'low' }),
      finding({ fingerprint: 'c3', startLine: 3, severity: 'critical', ruleId: 'dockerfile/curl-insecure' }),
    ];
    const plan = planReviewComments(findings, diffs);
    expect(plan.comments.map((c) => [c.line, c.fingerprints])).toEqual([
      [3, ['c3', 'm3']],
      [2, ['h2', 'm2']],
    ]);
    expect(plan.skipped).toEqual([{ finding: findings[1], reason: 'below-threshold' }]);
    expect(plan.comments[1]!.body).toMatch(
      /^<!-- plumbline:fingerprint=h2 -->\n<!-- plumbline:fingerprint=m2 -->\n\*\*2 findings on this line\*\*/,
    );
    const one = planReviewComments(findings, diffs, { limit: 1 });
    expect(one.comments.map((c) => c.fingerprint)).toEqual(['c3']);
    expect(one.skipped.filter((s) => s.reason === 'limit').map((s) => s.finding.fingerprint)).toEqual([
      'h2',
      'm2',
    ]);
    const all = planReviewComments(findings, diffs, { minSeverity: 'info' });
    expect(all.comments[1]!.fingerprints).toEqual(['h2', 'm2', 'l2']);
  });

  it('offers one suggestion doing every fix of the line when each changes its own part', () => {
    const diffs = new Map([['Dockerfile', parsePatch(patch)]]);
    const line = 'RUN apt-get install curl';
    const fix = (description: string, replacement: string) => ({
      description,
      startLine: 2,
      endLine: 2,
      replacement,
    });
    const findings = [
      finding({
        fingerprint: 'y',
        ruleId: 'dockerfile/apt-get-assume-yes',
        fix: fix('Answer yes', 'RUN apt-get install -y curl'),
      }),
      finding({
        fingerprint: 'r',
        fix: fix('Only named packages', 'RUN apt-get install --no-install-recommends curl'),
      }),
    ];
    const plan = planReviewComments(findings, diffs, {
      lineText: (_f, l) => (l === 2 ? line : 'RUN apt-get install git'),
    });
    expect(plan.comments).toHaveLength(1);
    expect(plan.comments[0]!.body).toContain(
      'Answer yes; Only named packages (`dockerfile/apt-get-assume-yes`, `dockerfile/apt-no-install-recommends`):\n\n```suggestion\nRUN apt-get install -y --no-install-recommends curl\n```',
    );
  });

  it('deletes the later copy when two overlapping runs posted the same comments', async () => {
    gh.pulls.set(2, { number: 2, files: [{ filename: 'Dockerfile', status: 'modified', patch }] });
    const diffs = new Map([['Dockerfile', parsePatch(patch)]]);
    const plan = planReviewComments(
      [finding({ fingerprint: 'f1' }), finding({ fingerprint: 'f2', startLine: 3 })],
      diffs,
    );
    // both runs listed before either posted
    expect(await postedFingerprints(client, pr)).toEqual(new Set());
    await Promise.all([
      postReviewComments(newClient(), pr, plan.comments, 'run 1'),
      postReviewComments(newClient(), pr, plan.comments, 'run 2'),
    ]);
    expect(gh.reviewComments).toHaveLength(4);
    const removed = await Promise.all([
      removeDuplicateReviewComments(client, pr),
      removeDuplicateReviewComments(newClient(), pr),
    ]);
    expect(removed[0]).toBeGreaterThan(0);
    expect(gh.reviewComments.map((c) => c.line).sort()).toEqual([2, 3]);
    // a human reply is never touched
    gh.reviewComments.push({
      ...gh.reviewComments[0]!,
      id: 1,
      body: 'thanks <!-- plumbline:fingerprint=f1 -->',
    });
    expect(await removeDuplicateReviewComments(client, pr)).toBe(0);
  });
});

describe('retries', () => {
  it('honours retry-after on a 429, and keeps the back-off of each request to itself', async () => {
    gh.failures.push({
      method: 'POST',
      path: /\/issues\/2\/comments$/,
      status: 429,
      message: 'Too Many Requests',
      headers: { 'retry-after': '3' },
      times: 2,
    });
    const started = Date.now();
    const result = await upsertStickyComment(client, pr, 'hello', { marker });
    expect(result.action).toBe('created');
    const posts = gh.requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(3);
    // pace none: a second of retry-after lasts 100 ms
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(290);
    expect(posts[2]!.at - posts[1]!.at).toBeGreaterThanOrEqual(290);
    expect(warnings.filter((w) => /429 to POST .* retrying in 3s/.test(w))).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5000);

    // The retries spent above do not count against the next request: it gets its own two.
    gh.failures.push({
      method: 'GET',
      path: /\/issues\/2\/comments$/,
      status: 429,
      message: 'Too Many Requests',
      headers: { 'retry-after': '1' },
      times: 2,
    });
    const list = await client.rest.issues.listComments({ owner: pr.owner, repo: pr.repo, issue_number: 2 });
    expect(list.data).toHaveLength(1);
  });

  it('does not send a POST again after a 5xx (the write may have happened)', async () => {
    gh.failures.push({ method: 'POST', path: /\/pulls\/2\/reviews$/, status: 502, message: 'Bad Gateway' });
    gh.pulls.set(2, {
      number: 2,
      files: [{ filename: 'Dockerfile', status: 'modified', patch: '@@ -0,0 +1 @@\n+FROM x\n' }],
    });
    const error = await postReviewComments(
      client,
      pr,
      [{ fingerprint: 'x', fingerprints: ['x'], severity: 'high', path: 'Dockerfile', line: 1, body: 'b' }],
      's',
    ).catch((e) => e);
    expect(error.status).toBe(502);
    expect(gh.writes()).toHaveLength(1);
  });
});
