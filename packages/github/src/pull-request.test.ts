import type { Finding } from '@plumbline/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGitHubClient, type GitHubClient, isPermissionError, isRateLimitError } from './client.js';
import { parsePatch } from './diff.js';
import {
  planReviewComments,
  postedFingerprints,
  postReviewComments,
  pullRequestDiffs,
  reportMarker,
  reviewCommentBody,
  stillInDiff,
} from './pull-request.js';
import { uploadSarif } from './sarif-upload.js';
import { upsertStickyComment } from './sticky-comment.js';
import { FakeGitHub, rateLimited } from './test-support/fake-github.js';

let gh: FakeGitHub;
let client: GitHubClient;
const pr = {
  owner: 'Codertocat',
  repo: 'Hello-World',
  number: 2,
  headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
};
const warnings: string[] = [];

beforeEach(async () => {
  gh = await new FakeGitHub().start();
  gh.maxPerPage = 2;
  warnings.length = 0;
  client = createGitHubClient({
    token: gh.token,
    baseUrl: gh.url,
    pace: 'none',
    log: { debug() {}, info() {}, warn: (m) => warnings.push(m), error() {} },
  });
});
afterEach(async () => {
  await gh.stop();
});

function finding(over: Partial<Finding>): Finding {
  return {
    ruleId: 'gha/unpinned-action',
    title: 'Action not pinned to a commit',
    severity: 'high',
    category: 'supply-chain',
    confidence: 'high',
    message: 'actions/checkout@v4 is referenced by a movable tag',
    remediation: 'Pin the action to a full commit SHA.',
    file: 'ci.yml',
    startLine: 1,
    startColumn: 1,
    endLine: 1,
    endColumn: 10,
    fingerprint: 'aaaa',
    aliases: [],
    ...over,
  };
}

describe('sticky comment', () => {
  it('finds its own comment across pages by the hidden marker and edits it in place', async () => {
    for (let i = 0; i < 3; i++)
      await client.rest.issues.createComment({
        owner: pr.owner,
        repo: pr.repo,
        issue_number: 2,
        body: `human ${i}`,
      });
    const marker = reportMarker();
    const first = await upsertStickyComment(client, pr, '2 new findings', { marker });
    expect(first.action).toBe('created');
    expect(first.url).toMatch(/#issuecomment-\d+$/);
    await client.rest.issues.createComment({
      owner: pr.owner,
      repo: pr.repo,
      issue_number: 2,
      body: 'human after',
    });
    const second = await upsertStickyComment(client, pr, 'No new findings', { marker });
    expect(second).toMatchObject({ action: 'updated', id: first.id });
    const third = await upsertStickyComment(client, pr, 'No new findings', { marker });
    expect(third.action).toBe('unchanged');
    const mine = gh.issueComments.filter((c) => c.body.includes(marker));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body).toBe(`${marker}\nNo new findings`);
    // the comment list was read page by page (4 comments + ours, 2 per page)
    expect(gh.requests.filter((r) => r.method === 'GET' && r.query.page === '3').length).toBeGreaterThan(0);
  });

  it('does not create a comment when asked not to, but still updates an existing one', async () => {
    const marker = reportMarker('infra');
    expect((await upsertStickyComment(client, pr, 'clean', { marker, createIfMissing: false })).action).toBe(
      'skipped',
    );
    expect(gh.writes()).toEqual([]);
    await upsertStickyComment(client, pr, 'dirty', { marker });
    expect((await upsertStickyComment(client, pr, 'clean', { marker, createIfMissing: false })).action).toBe(
      'updated',
    );
  });
});

describe('review comments', () => {
  const patch = [
    '@@ -1,3 +1,5 @@',
    ' on: push',
    '+# new',
    ' jobs:',
    '+  uses: actions/checkout@v4',
    ' end',
  ].join('\n');

  it('plans comments on added lines only, with suggestions inside a hunk, and skips posted fingerprints', () => {
    const diffs = new Map([['.github/workflows/ci.yml', parsePatch(patch)]]);
    const findings = [
      finding({
        fingerprint: 'f1',
        startLine: 4,
        endLine: 4,
        fix: { description: 'Pin it', startLine: 4, endLine: 4, replacement: '  uses: actions/checkout@abc' },
      }),
      finding({ fingerprint: 'f2', startLine: 3, endLine: 3 }), // context line: not changed by the PR
      finding({ fingerprint: 'f3', startLine: 2, endLine: 2 }),
      finding({ fingerprint: 'f4', file: 'other.yml' }),
      finding({ fingerprint: 'f5', startLine: 1, endLine: 2 }), // spans an added line
    ];
    const plan = planReviewComments(findings, diffs, {
      prefix: '.github/workflows/',
      posted: new Set(['f3']),
      ruleUrl: (id) => `https://docs.example/${id}`,
    });
    expect(plan.comments.map((c) => [c.fingerprint, c.path, c.line, c.startLine])).toEqual([
      ['f1', '.github/workflows/ci.yml', 4, undefined],
      ['f5', '.github/workflows/ci.yml', 2, undefined],
    ]);
    expect(plan.skipped.map((s) => [s.finding.fingerprint, s.reason])).toEqual([
      ['f2', 'not-changed'],
      ['f3', 'already-posted'],
      ['f4', 'not-changed'],
    ]);
    expect(plan.comments[0]!.body).toContain('```suggestion\n  uses: actions/checkout@abc\n```');
    expect(plan.comments[0]!.body).toContain(
      '[`gha/unpinned-action`](https://docs.example/gha/unpinned-action)',
    );
    expect(plan.comments[1]!.body).not.toContain('suggestion');
  });

  it('skips a finding whose line in the checkout differs from the PR head, and honours the limit', () => {
    const diffs = new Map([['ci.yml', parsePatch(patch)]]);
    const findings = [
      finding({ fingerprint: 'a', startLine: 2, endLine: 2 }),
      finding({ fingerprint: 'b', startLine: 4, endLine: 4 }),
    ];
    const moved = planReviewComments(findings, diffs, {
      lineText: (_p, line) => (line === 2 ? '# new' : 'something else'),
    });
    expect(moved.skipped.map((s) => s.reason)).toEqual(['moved']);
    const limited = planReviewComments(findings, diffs, { limit: 1 });
    expect(limited.skipped.map((s) => s.reason)).toEqual(['limit']);
  });

  it('writes a multi-line suggestion with a fence longer than any backticks in it, and neutralises HTML', () => {
    const body = reviewCommentBody(
      finding({
        message: 'run: echo <!-- x',
        fix: { description: 'Quote', startLine: 3, endLine: 4, replacement: 'a ```\nb' },
      }),
      { suggestion: true },
    );
    expect(body).toContain('````suggestion\na ```\nb\n````');
    expect(body).toContain('run: echo &lt;!-- x');
    expect(body.startsWith('<!-- plumbline:fingerprint=aaaa -->\n')).toBe(true);
  });

  it('posts one review, reads back the fingerprints of earlier comments, and falls back to single comments on 422', async () => {
    gh.pulls.set(2, {
      number: 2,
      files: [
        { filename: 'ci.yml', status: 'modified', patch },
        { filename: 'logo.png', status: 'added' },
        { filename: 'gone.yml', status: 'removed', patch: '@@ -1 +0,0 @@\n-x' },
      ],
    });
    const diffs = await pullRequestDiffs(client, pr);
    expect([...diffs.keys()]).toEqual(['ci.yml']);
    const plan = planReviewComments([finding({ fingerprint: 'f1', startLine: 2, endLine: 2 })], diffs);
    const outcome = await postReviewComments(client, pr, plan.comments, 'Plumbline: 1 new finding');
    expect(outcome.posted).toHaveLength(1);
    expect(gh.reviews).toMatchObject([{ commit_id: pr.headSha, event: 'COMMENT' }]);
    expect(await postedFingerprints(client, pr)).toEqual(new Set(['f1']));

    // A line outside the diff makes GitHub refuse the whole review: the review is sent once more
    // without it (never comment by comment), and the good comment lands.
    const c = (fingerprint: string, line: number) => ({
      fingerprint,
      fingerprints: [fingerprint],
      severity: 'high' as const,
      path: 'ci.yml',
      line,
      body: fingerprint,
    });
    const [bad, good] = [c('b', 40), c('g', 4)];
    const second = await postReviewComments(client, pr, [bad, good], 'x', async (comments) =>
      stillInDiff(comments, await pullRequestDiffs(client, pr)),
    );
    expect(second.posted.map((p) => p.fingerprint)).toEqual(['g']);
    expect(second.rejected.map((r) => r.comment.fingerprint)).toEqual(['b']);
    expect(second.attempts).toBe(2);
    expect(gh.writes().filter((w) => w.endsWith('/reviews'))).toHaveLength(3);
    expect(gh.writes().filter((w) => w.endsWith('/pulls/2/comments'))).toEqual([]);
    expect(gh.reviews).toHaveLength(2);
    expect(gh.reviewComments.map((rc) => [rc.path, rc.line])).toEqual([
      ['ci.yml', 2],
      ['ci.yml', 4],
    ]);
  });
});

describe('errors', () => {
  it('waits out a primary rate limit (403, x-ratelimit-remaining: 0) and retries', async () => {
    gh.failures.push(rateLimited('POST', /\/issues\/2\/comments$/, 1));
    const result = await upsertStickyComment(client, pr, 'hello', { marker: reportMarker() });
    expect(result.action).toBe('created');
    expect(gh.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
    expect(warnings.join('\n')).toMatch(/rate limit hit on POST .*retrying/);
  });

  it('gives up on a rate limit that does not lift, and does not mistake it for a permission problem', async () => {
    gh.failures.push({ ...rateLimited('POST', /\/issues\/2\/comments$/, 1), times: 5 });
    const error = await upsertStickyComment(client, pr, 'hello', { marker: reportMarker() }).catch((e) => e);
    expect(error.status).toBe(403);
    expect(isRateLimitError(error)).toBe(true);
    expect(isPermissionError(error)).toBe(false);
  });

  it('reports a read-only token (fork pull request) as a permission error', async () => {
    gh.readOnly = true;
    const error = await upsertStickyComment(client, pr, 'hello', { marker: reportMarker() }).catch((e) => e);
    expect(error.status).toBe(403);
    expect(error.message).toMatch(/Resource not accessible by integration/);
    expect(isPermissionError(error)).toBe(true);
  });

  it('retries a 502 on a read and sends the token only in the Authorization header', async () => {
    gh.failures.push({ method: 'GET', path: /\/issues\/2\/comments$/, status: 502, message: 'Bad Gateway' });
    await upsertStickyComment(client, pr, 'hello', { marker: reportMarker() });
    expect(gh.requests[0]!.authorization).toBe(`token ${gh.token}`);
    // the failed list, its retry, and the list read again after the write
    expect(gh.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'POST', 'GET']);
  });
});

describe('uploadSarif', () => {
  it('sends gzip+base64 with commit and ref, then polls until processed', async () => {
    gh.sarifPendingPolls = 2;
    const sarif = JSON.stringify({ version: '2.1.0', runs: [] });
    const result = await uploadSarif(client, {
      owner: pr.owner,
      repo: pr.repo,
      commitSha: 'c'.repeat(40),
      ref: 'refs/pull/2/merge',
      sarif,
      pollIntervalMs: 5,
    });
    expect(result.status).toBe('complete');
    expect(gh.sarifs).toMatchObject([
      { commit_sha: 'c'.repeat(40), ref: 'refs/pull/2/merge', sarif: { version: '2.1.0' }, polls: 3 },
    ]);
  });

  it('returns the errors of a failed upload, and pending when processing outlasts the timeout', async () => {
    gh.sarifOutcome = 'failed';
    gh.sarifPendingPolls = 0;
    const failed = await uploadSarif(client, {
      owner: pr.owner,
      repo: pr.repo,
      commitSha: 'c'.repeat(40),
      ref: 'refs/heads/main',
      sarif: '{}',
      pollIntervalMs: 5,
    });
    expect(failed).toMatchObject({ status: 'failed', errors: ['invalid SARIF'] });
    gh.sarifPendingPolls = 1000;
    const pending = await uploadSarif(client, {
      owner: pr.owner,
      repo: pr.repo,
      commitSha: 'c'.repeat(40),
      ref: 'refs/heads/main',
      sarif: '{}',
      pollIntervalMs: 5,
      timeoutMs: 30,
    });
    expect(pending.status).toBe('pending');
  });
});
