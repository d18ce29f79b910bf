/**
 * The pull request at its edges, against the loopback fake GitHub: overlapping runs, a 502 after a
 * write, a 403 on comments with SARIF allowed, a 422 review, a 429 with retry-after, a 300-file pull
 * request, pushes that fix findings, untouched unscannable files. What the Action decides and posts
 * is the subject, so it runs in the test's process (`runInProcess`, the runner's environment);
 * action.test.ts runs the committed bundle as GitHub does.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../../github/src/test-support/fake-github.ts';
import { type ActionRun, PullRequestScenario, runInProcess } from './test-support/scenario.ts';

/** dockerfile/curl-insecure (high) and no-curl-pipe-shell (medium) on line 2, pipefail (low) too. */
const INSECURE = 'FROM debian:12\nRUN curl -k https://get.example.com/install.sh | sh\nUSER 1000\n';
/** dockerfile/no-curl-pipe-shell (medium) and pipefail (low) on line 2. */
const PIPED = 'FROM debian:12\nRUN curl https://get.example.com/install.sh | sh\nUSER 1000\n';
const CLEAN = 'FROM debian:12\nRUN echo ok\nUSER 1000\n';

let gh: FakeGitHub;
const scenarios: PullRequestScenario[] = [];
beforeEach(async () => {
  gh = await new FakeGitHub().start();
});
afterEach(async () => {
  await gh.stop();
});
afterAll(() => {
  for (const s of scenarios) s.remove();
});

function scenario(base: Record<string, string>, change: Record<string, string | null>): PullRequestScenario {
  const s = new PullRequestScenario(base);
  scenarios.push(s);
  s.push(change);
  return s;
}

function run(
  s: PullRequestScenario,
  inputs: Record<string, string> = {},
  action: 'opened' | 'synchronize' = 'opened',
): Promise<ActionRun> {
  gh.pulls.set(2, { number: 2, files: s.files() });
  return runInProcess(
    {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: s.event(action),
      GITHUB_WORKSPACE: s.checkout(),
      GITHUB_API_URL: gh.url,
      GITHUB_SHA: s.mergeSha,
      GITHUB_REF: 'refs/pull/2/merge',
    },
    { 'github-token': gh.token, ...inputs },
  );
}

const lines = (r: ActionRun, prefix: string) => r.stdout.split('\n').filter((l) => l.startsWith(prefix));

describe('idempotent posting', () => {
  it('two overlapping runs on one pull request leave one sticky comment and one inline comment per line', async () => {
    const s = scenario({ 'README.md': 'hi\n' }, { 'api/Dockerfile': INSECURE, 'web/Dockerfile': PIPED });
    gh.pulls.set(2, { number: 2, files: s.files() });
    const [a, b] = await Promise.all([run(s), run(s)]);
    expect([a.code, b.code]).toEqual([1, 1]);
    expect(gh.issueComments).toHaveLength(1);
    const anchors = gh.reviewComments.map((c) => `${c.path}:${c.line}`);
    expect(anchors.sort()).toEqual(['api/Dockerfile:2', 'web/Dockerfile:2']);
  });

  it('a sticky comment answered with 502 after GitHub stored it stays one comment', async () => {
    const s = scenario({ 'README.md': 'hi\n' }, { Dockerfile: INSECURE });
    gh.failures.push({
      method: 'POST',
      path: /\/issues\/2\/comments$/,
      status: 502,
      message: 'Bad Gateway',
      afterWrite: true,
    });
    const r = await run(s);
    expect(gh.issueComments).toHaveLength(1);
    expect(r.outputs['comment-url']).toMatch(/#issuecomment-\d+$/);
    expect(lines(r, '::warning')).toEqual([]);
  });
});

describe('each write on its own', () => {
  it('a 403 on comments does not stop the SARIF upload, and the notice names only what was refused', async () => {
    const s = scenario({ 'README.md': 'hi\n' }, { Dockerfile: INSECURE });
    const denied = 'Resource not accessible by integration';
    gh.failures.push(
      { method: 'POST', path: /\/issues\/2\/comments$/, status: 403, message: denied },
      { method: 'POST', path: /\/pulls\/2\/reviews$/, status: 403, message: denied },
    );
    const r = await run(s, { 'upload-sarif': 'true', 'fail-on': 'none' });
    expect(r.code).toBe(0);
    expect(gh.sarifs).toHaveLength(1);
    expect(r.stdout).toMatch(/SARIF upload sarif-\d+ \(category plumbline\): complete/);
    const notices = lines(r, '::notice title=Plumbline%3A some results not posted');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/could not post review comments/);
    expect(notices[0]).toMatch(/pull-requests: write/);
    expect(notices[0]).not.toMatch(/SARIF/);
    // the annotations stand in for the refused inline comments
    expect(lines(r, '::error file=Dockerfile,line=2')).toHaveLength(1);
  });

  it('a review refused with 422 is sent once more without the comment that left the diff, not comment by comment', async () => {
    const s = scenario({ 'README.md': 'hi\n' }, { 'api/Dockerfile': INSECURE, 'web/Dockerfile': PIPED });
    const files = s.files();
    // Between the plan and the review, a force-push drops web/Dockerfile from the pull request.
    gh.onRequest = (request) => {
      if (request.method === 'POST' && request.path.endsWith('/pulls/2/reviews'))
        gh.pulls.set(2, { number: 2, files: files.filter((f) => f.filename !== 'web/Dockerfile') });
    };
    gh.pulls.set(2, { number: 2, files });
    const r = await runInProcess(
      {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: s.event('opened'),
        GITHUB_WORKSPACE: s.checkout(),
        GITHUB_API_URL: gh.url,
        GITHUB_SHA: s.mergeSha,
        GITHUB_REF: 'refs/pull/2/merge',
      },
      { 'github-token': gh.token },
    );
    const reviews = gh.writes().filter((w) => w.endsWith('/pulls/2/reviews'));
    expect(reviews).toHaveLength(2);
    expect(gh.writes().filter((w) => w.endsWith('/pulls/2/comments'))).toEqual([]);
    expect(gh.reviewComments.map((c) => c.path)).toEqual(['api/Dockerfile']);
    expect(r.stdout).toContain('review sent again without the comments GitHub refused');
    expect(r.stdout).toMatch(/1 refused by GitHub/);
  });

  it('waits as long as a 429 retry-after says, then posts', async () => {
    const s = scenario({ 'README.md': 'hi\n' }, { Dockerfile: INSECURE });
    gh.failures.push({
      method: 'POST',
      path: /\/issues\/2\/comments$/,
      status: 429,
      message: 'Too Many Requests',
      headers: { 'retry-after': '4' },
    });
    const r = await run(s);
    const posts = gh.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/issues/2/comments'));
    expect(posts).toHaveLength(2);
    // PLUMBLINE_GITHUB_PACE=none: a second of retry-after lasts 100 ms
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(390);
    expect(r.stdout).toMatch(/GitHub answered 429 to POST .* retrying in 4s/);
    expect(gh.issueComments).toHaveLength(1);
  });
});

describe('what the reviewer sees', () => {
  it('one inline comment per line at or above review-min-severity, grouping the line; the sticky comment puts the worst first', async () => {
    const s = scenario({ 'README.md': 'hi\n' }, { Dockerfile: INSECURE });
    const r = await run(s);
    expect(gh.reviewComments).toHaveLength(1);
    const comment = gh.reviewComments[0]!;
    expect(comment.line).toBe(2);
    expect(comment.body).toContain('**2 findings on this line**');
    expect(comment.body).toContain('dockerfile/curl-insecure');
    expect(comment.body).toContain('dockerfile/no-curl-pipe-shell');
    expect(comment.body).not.toContain('dockerfile/pipefail'); // low: below the default threshold
    const body = gh.issueComments[0]!.body;
    expect(body).toMatch(/❌ \*\*3 new findings\*\*: 🟠 1 high · 🟡 1 medium · 🔵 1 low\n/);
    expect(body.indexOf('**Fix first**')).toBeLessThan(body.indexOf('dockerfile/pipefail'));
    expect(body).toContain(
      `[\`Dockerfile:2\`](https://github.com/Codertocat/Hello-World/blob/${s.headSha}/Dockerfile#L2)`,
    );
    // no annotation where the inline comment stands
    expect(lines(r, '::error file=')).toEqual([]);
    expect(lines(r, '::warning file=')).toEqual([]);

    const low = scenario({ 'README.md': 'hi\n' }, { Dockerfile: INSECURE });
    gh.reviewComments.length = 0;
    await run(low, { 'review-min-severity': 'low' });
    expect(gh.reviewComments[0]!.body).toContain('**3 findings on this line**');
  });

  it('says how many findings the last push fixed, and writes nothing when a re-run finds the same', async () => {
    const s = scenario({ 'README.md': 'hi\n' }, { 'api/Dockerfile': INSECURE, 'web/Dockerfile': PIPED });
    await run(s);
    s.push({ 'web/Dockerfile': CLEAN });
    await run(s, {}, 'synchronize');
    expect(gh.issueComments).toHaveLength(1);
    expect(gh.issueComments[0]!.body).toContain('· ✔️ 2 fixed since the last push');
    const writes = gh.writes().length;
    const again = await run(s, {}, 'synchronize');
    expect(again.stdout).toContain('Pull request comment unchanged');
    expect(gh.writes().length).toBe(writes);
  });

  it('lists files that could not be scanned only when the pull request touched them', async () => {
    const broken = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n spec: [\n';
    const s = scenario({ 'k8s/old-broken.yaml': broken }, { Dockerfile: INSECURE });
    await run(s);
    expect(gh.issueComments[0]!.body).not.toContain('old-broken.yaml');
    expect(gh.issueComments[0]!.body).not.toContain('could not be scanned');
    const t = scenario({ 'README.md': 'hi\n' }, { Dockerfile: INSECURE, 'k8s/new-broken.yaml': broken });
    gh.issueComments.length = 0;
    await run(t);
    expect(gh.issueComments[0]!.body).toContain('new-broken.yaml');
  });

  it('in a 300-file pull request every cap takes the most severe first', async () => {
    const change: Record<string, string> = {};
    for (let i = 0; i < 280; i++) change[`app-${String(i).padStart(3, '0')}/Dockerfile`] = PIPED;
    for (let i = 0; i < 20; i++) change[`zz-${String(i).padStart(2, '0')}/Dockerfile`] = INSECURE;
    const s = scenario({ 'README.md': 'hi\n' }, change);
    const r = await run(s);
    // inline comments: the 20 high lines first, then medium ones up to the cap of 30
    expect(gh.reviewComments).toHaveLength(30);
    expect(gh.reviewComments.filter((c) => c.path.startsWith('zz-'))).toHaveLength(20);
    expect(r.stdout).toMatch(/\d+ over the limit/);
    // annotations: none where an inline comment stands; GitHub shows 10 per level, a notice counts the rest
    expect(lines(r, '::error file=')).toEqual([]);
    const warnings = lines(r, '::warning file=');
    expect(warnings).toHaveLength(10);
    for (const w of warnings) expect(w).toMatch(/file=app-\d{3}\/Dockerfile/);
    expect(r.stdout).toMatch(
      /::notice title=Plumbline%3A more findings::\d+ more findings are not shown as annotations .*see the job summary/,
    );
    // the sticky comment lists every high finding under "Fix first"
    const body = gh.issueComments[0]!.body;
    expect(body.length).toBeLessThanOrEqual(60_000);
    const fixFirst = body.slice(body.indexOf('**Fix first**'), body.indexOf('**Other findings**'));
    expect((fixFirst.match(/\[`zz-\d\d\/Dockerfile:2`\]/g) ?? []).length).toBe(20);
  }, 120_000);
});
