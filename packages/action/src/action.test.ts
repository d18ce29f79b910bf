/**
 * The Action against a fake GitHub REST API on 127.0.0.1 and a real git repository with a base and
 * a PR branch. The committed bundle runs as GitHub runs it (node dist/index.js with INPUT_* and
 * GITHUB_*: `runOnPull`) wherever the bundle could differ from the sources: the whole flow with
 * every channel, the fetch of a shallow checkout, exit codes, the SARIF upload and the copy without
 * node_modules. The other tests are about what the Action decides and call `runAction` in this
 * process with the same environment (`decideOnPull`), as pull-request-edges.test.ts does.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub, rateLimited } from '../../github/src/test-support/fake-github.ts';
import {
  type ActionRun,
  committedBundle,
  PullRequestScenario,
  packageDir,
  runBundle,
  runInProcess,
  webhookExample,
} from './test-support/scenario.ts';

const workflow = (name: string, step: string) =>
  `name: ${name}\non: pull_request\npermissions: {}\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - ${step}\n`;
/** gha/no-template-injection-in-run (high) on line 9. */
const INJECTED = (name: string) => workflow(name, 'run: echo "${{ github.event.pull_request.title }}"');
/** gha/pin-actions-to-sha (medium) on line 9. */
const UNPINNED = workflow('old', 'uses: codecov/codecov-action@v4');
const VALID = workflow('ci', 'run: echo ok');

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

function scenario(): PullRequestScenario {
  const s = new PullRequestScenario({
    '.github/workflows/old.yml': UNPINNED,
    '.github/workflows/ci.yml': VALID,
  });
  scenarios.push(s);
  s.push({
    '.github/workflows/new.yml': INJECTED('new'),
    '.github/workflows/ci.yml': VALID.replace('echo ok', 'echo changed'),
  });
  return s;
}

/** The workflow's environment for a run on pull request #2 of `s`. */
function pullEnv(s: PullRequestScenario, event: string, workspace: string): Record<string, string> {
  gh.pulls.set(2, { number: 2, files: s.files() });
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_WORKSPACE: workspace,
    GITHUB_API_URL: gh.url,
    GITHUB_SHA: s.mergeSha,
    GITHUB_REF: 'refs/pull/2/merge',
  };
}

/** The committed bundle on pull request #2, as the runner starts it. */
function runOnPull(
  s: PullRequestScenario,
  event: string,
  inputs: Record<string, string> = {},
  workspace = s.checkout(),
): Promise<ActionRun> {
  return runBundle(committedBundle, pullEnv(s, event, workspace), { 'github-token': gh.token, ...inputs });
}

/** `runAction` in this process on pull request #2, with the runner's environment. */
function decideOnPull(
  s: PullRequestScenario,
  event: string,
  inputs: Record<string, string> = {},
  workspace = s.checkout(),
): Promise<ActionRun> {
  return runInProcess(pullEnv(s, event, workspace), { 'github-token': gh.token, ...inputs });
}

function annotations(run: ActionRun): string[] {
  return run.stdout.split('\n').filter((l) => /^::(error|warning|notice) file=/.test(l));
}

function noSecret(run: ActionRun): void {
  for (const text of [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs)])
    expect(text).not.toContain(gh.token);
}

describe('pull request', () => {
  it('reports only the new finding: one sticky comment, a review comment on the changed line, annotations, summary, outputs, exit code', async () => {
    const s = scenario();
    const run = await runOnPull(s, s.event('opened'), { 'sarif-file': 'out/plumbline.sarif' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1); // a new high finding, fail-on high (the default)

    // one sticky comment, with the hidden marker, linking the file at the PR head SHA
    expect(gh.issueComments).toHaveLength(1);
    const body = gh.issueComments[0]!.body;
    expect(body).toContain('<!-- plumbline:report -->');
    expect(body).toContain('### Plumbline: new findings in this pull request · 1 older finding not shown');
    expect(body).toContain('1 new finding**: 🟠 1 high');
    expect(body).toContain('**Fix first**');
    expect(body).toContain('gha/no-template-injection-in-run');
    expect(body).toContain(
      `(https://github.com/Codertocat/Hello-World/blob/${s.headSha}/.github/workflows/new.yml#L9)`,
    );
    expect(body).not.toContain('old.yml');

    // one review, its comment on the new file's changed line, with the fingerprint marker
    expect(gh.reviews).toMatchObject([{ commit_id: s.headSha, event: 'COMMENT' }]);
    expect(gh.reviewComments.map((c) => [c.path, c.line, c.side])).toEqual([
      ['.github/workflows/new.yml', 9, 'RIGHT'],
    ]);
    expect(gh.reviewComments[0]!.body).toMatch(/^<!-- plumbline:fingerprint=[0-9a-f]{32} -->/);

    // no annotation where the inline comment already stands
    expect(annotations(run)).toEqual([]);
    expect(run.summary).toContain('### Plumbline: new findings in this pull request');
    expect(run.stdout).toContain('Plumbline: 1 new finding (2 in total), compared with the base branch at');
    expect(run.outputs).toEqual({
      findings: '2',
      'new-findings': '1',
      'sarif-file': 'out/plumbline.sarif',
      'comment-url': expect.stringMatching(
        /^https:\/\/github\.com\/Codertocat\/Hello-World\/pull\/2#issuecomment-\d+$/,
      ),
    });
    noSecret(run);
  });

  it('on the next push updates the same comment and never re-posts a review comment for the same fingerprint', async () => {
    const s = scenario();
    await decideOnPull(s, s.event('opened'));
    const first = gh.issueComments[0]!;
    s.push({ '.github/workflows/another.yml': INJECTED('another') });
    const run = await decideOnPull(s, s.event('synchronize'));
    expect(gh.issueComments).toHaveLength(1);
    expect(gh.issueComments[0]!.id).toBe(first.id);
    expect(gh.issueComments[0]!.body).toContain('2 new findings**: 🟠 2 high');
    expect(gh.writes().filter((w) => w.startsWith('PATCH'))).toEqual([
      `PATCH /repos/Codertocat/Hello-World/issues/comments/${first.id}`,
    ]);
    expect(gh.reviewComments.map((c) => c.path)).toEqual([
      '.github/workflows/new.yml',
      '.github/workflows/another.yml',
    ]);
    expect(run.stdout).toContain(
      'Review comments: 1 posted, 1 findings already commented, 0 refused by GitHub',
    );

    // the same head again: nothing new to write at all
    const again = await decideOnPull(s, s.event('synchronize'));
    expect(again.code).toBe(1);
    expect(gh.reviewComments).toHaveLength(2);
    expect(gh.issueComments).toHaveLength(1);
  });

  it('turns the comment to a clean state when the PR fixes its findings, and posts none when there never were any', async () => {
    const s = scenario();
    await decideOnPull(s, s.event('opened'));
    s.push({ '.github/workflows/new.yml': VALID });
    const clean = await decideOnPull(s, s.event('synchronize'));
    expect(clean.code).toBe(0);
    expect(gh.issueComments).toHaveLength(1);
    expect(gh.issueComments[0]!.body).toContain('✅ **No new findings**');
    expect(clean.outputs['new-findings']).toBe('0');

    const quiet = new PullRequestScenario({ 'a.yml': 'k: v\n' });
    scenarios.push(quiet);
    quiet.push({ 'b.yml': 'k: w\n' });
    gh.issueComments.length = 0;
    const before = gh.writes().length;
    const none = await decideOnPull(quiet, quiet.event('opened'));
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('Plumbline: no new findings (0 in total)');
    expect(gh.writes().slice(before)).toEqual([]);
  });

  it('compares with the merge base when the PR head is checked out, fetching what the shallow clone lacks', async () => {
    const s = scenario();
    // main moves on and fixes old.yml: that must not count for (or against) this PR
    s.advanceBase({ '.github/workflows/old.yml': VALID });
    const workspace = s.checkout(s.headSha, 1);
    const run = await runOnPull(s, s.event('opened'), {}, workspace);
    expect(run.outputs['new-findings']).toBe('1');
    expect(run.stdout).toContain('compared with the merge base');
  });

  it('falls back to annotations and the summary with one notice when the token may not write (403), without failing for it', async () => {
    const s = scenario();
    gh.readOnly = true;
    const run = await decideOnPull(s, s.event('opened'), { 'fail-on': 'none', 'upload-sarif': 'true' });
    expect(run.code).toBe(0);
    const notices = run.stdout.split('\n').filter((l) => l.startsWith('::notice'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/Resource not accessible by integration/);
    expect(notices[0]).toMatch(
      /could not post review comments .*could not update the pull request comment .*could not upload SARIF/,
    );
    // annotations for the new finding only (no inline comment could be posted), with escaped properties
    expect(annotations(run)).toEqual([
      expect.stringMatching(
        /^::error file=\.github\/workflows\/new\.yml,line=9,endLine=9,col=20,endColumn=\d+,title=gha\/no-template-injection-in-run%3A [^:]+::`github\.event\.pull_request\.title` is expanded .*%0A/,
      ),
    ]);
    expect(run.summary).toContain('1 new finding**: 🟠 1 high');
    expect(run.outputs['comment-url']).toBe('');
    expect(gh.issueComments).toHaveLength(0);
    // each write is tried on its own: a refusal of one does not stop the others
    expect(gh.writes()).toEqual([
      'POST /repos/Codertocat/Hello-World/pulls/2/reviews',
      'POST /repos/Codertocat/Hello-World/issues/2/comments',
      'POST /repos/Codertocat/Hello-World/code-scanning/sarifs',
    ]);
  });

  it('does not call the API from a fork pull request (read-only token): one notice', async () => {
    const s = scenario();
    const event = s.event('opened', (p) => {
      p.pull_request.head.repo.full_name = 'someone/Hello-World';
      p.pull_request.head.repo.fork = true;
    });
    const run = await decideOnPull(s, event);
    expect(run.code).toBe(1);
    expect(gh.requests).toEqual([]);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::notice'))).toEqual([
      expect.stringMatching(/comes from a fork/),
    ]);
  });

  it('waits out a 403 rate limit (x-ratelimit-remaining: 0) instead of taking it for a permission problem', async () => {
    const s = scenario();
    gh.failures.push(rateLimited('POST', /\/issues\/2\/comments$/, 1));
    const run = await decideOnPull(s, s.event('opened'));
    expect(gh.issueComments).toHaveLength(1);
    expect(run.stdout).toMatch(/rate limit hit on POST .* retrying/);
    expect(run.stdout).not.toContain('::notice');
  });

  it('`mode: all` reports every finding and fails on them', async () => {
    const s = scenario();
    const run = await decideOnPull(s, s.event('opened'), {
      mode: 'all',
      comment: 'false',
      'review-comments': 'false',
    });
    expect(run.code).toBe(1);
    expect(annotations(run).map((a) => /file=([^,]+)/.exec(a)![1])).toEqual([
      '.github/workflows/new.yml',
      '.github/workflows/old.yml',
    ]);
    expect(run.outputs).toMatchObject({ findings: '2', 'new-findings': '2' });
    expect(gh.requests).toEqual([]);
  });

  it('warns when the checkout is not the pull request code (pull_request_target checks out the base)', async () => {
    const s = scenario();
    gh.pulls.set(2, { number: 2, files: s.files() });
    const run = await runInProcess(
      {
        GITHUB_EVENT_NAME: 'pull_request_target',
        GITHUB_EVENT_PATH: s.event('opened'),
        GITHUB_WORKSPACE: s.checkout(s.baseSha),
        GITHUB_API_URL: gh.url,
        GITHUB_SHA: s.baseSha,
        GITHUB_REF: 'refs/heads/main',
      },
      { 'github-token': gh.token, comment: 'false', 'review-comments': 'false' },
    );
    expect(run.stdout).toMatch(/::notice::The checkout \([0-9a-f]{7}\) is neither the pull request head/);
    expect(run.outputs['new-findings']).toBe('0');
  });

  it('reports every finding with one warning when the workspace is not a git checkout', async () => {
    const s = scenario();
    // The pull request's files without their history (unpacked from an artifact, say).
    const workspace = s.checkout();
    rmSync(join(workspace, '.git'), { recursive: true, force: true });
    const run = await decideOnPull(
      s,
      s.event('opened'),
      { comment: 'false', 'review-comments': 'false' },
      workspace,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^::warning title=Plumbline%3A reporting all findings::Cannot find the base commit to compare with: .* is not a git checkout$/m,
    );
    expect(run.outputs).toMatchObject({ findings: '2', 'new-findings': '2' });
  });

  it('rejects a bad input or a missing config file with a clear error and exit code 2', async () => {
    const s = scenario();
    const run = await runOnPull(s, s.event('opened'), { 'fail-on': 'severe' });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      '::error::input fail-on: expected critical, high, medium, low, info or none, got "severe"',
    );
    const missing = await runOnPull(s, s.event('opened'), { config: 'nope.yaml' });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toMatch(
      /^::error title=Plumbline could not scan::config file not found: .*nope\.yaml$/m,
    );
    expect(gh.requests).toEqual([]);
  });
});

describe('sub-folder', () => {
  it('scans `path` only and reports repository-relative paths in comments, annotations and SARIF', async () => {
    const pod = (privileged: boolean) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx\n      securityContext:\n        privileged: ${privileged}\n`;
    const s = new PullRequestScenario({ 'deploy/pod.yaml': pod(false), 'other/pod.yaml': pod(true) });
    scenarios.push(s);
    s.push({ 'deploy/pod.yaml': pod(true) });
    const run = await decideOnPull(s, s.event('opened'), { path: 'deploy', 'fail-on': 'critical' });
    expect(run.code).toBe(1);
    expect(annotations(run)).toEqual([]); // the inline comment stands on that line
    expect(gh.reviewComments.map((c) => [c.path, c.line])).toEqual([['deploy/pod.yaml', 10]]);
    expect(gh.issueComments[0]!.body.startsWith('<!-- plumbline:report deploy -->')).toBe(true);
    expect(gh.issueComments[0]!.body).toContain(`/blob/${s.headSha}/deploy/pod.yaml#L10`);
    const sarif = readFileSync(join(s.tmp, 'ws0', 'plumbline.sarif'), 'utf8');
    expect(sarif).toContain('"uri": "deploy/pod.yaml"');
    expect(sarif).not.toContain('other/pod.yaml');
    expect(JSON.parse(sarif).runs[0].automationDetails).toEqual({ id: 'plumbline/deploy/' });
  });
});

describe('push', () => {
  it('uploads SARIF (gzip+base64, commit and ref) and polls until processed; new findings since `before`', async () => {
    const s = scenario();
    const payload = webhookExample('push');
    payload.ref = 'refs/heads/feature';
    payload.before = s.baseSha;
    payload.after = s.headSha;
    const workspace = s.checkout(s.headSha, 1);
    const run = await runBundle(
      committedBundle,
      {
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: s.writeEvent(payload),
        GITHUB_WORKSPACE: workspace,
        GITHUB_API_URL: gh.url,
        GITHUB_SHA: s.headSha,
        GITHUB_REF: 'refs/heads/feature',
      },
      { 'github-token': gh.token, 'upload-sarif': 'true', mode: 'new', 'fail-on': 'critical' },
    );
    expect(run.code).toBe(0);
    expect(gh.sarifs).toHaveLength(1);
    expect(gh.sarifs[0]).toMatchObject({ commit_sha: s.headSha, ref: 'refs/heads/feature', polls: 2 });
    const sarif = gh.sarifs[0]!.sarif as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    expect(sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual([
      '.github/workflows/new.yml',
      '.github/workflows/old.yml',
    ]);
    expect(run.stdout).toMatch(/SARIF upload sarif-\d+ \(category plumbline\): complete/);
    expect(run.outputs['new-findings']).toBe('1');
    expect(existsSync(join(workspace, 'plumbline.sarif'))).toBe(true);
    expect(JSON.parse(readFileSync(join(workspace, 'plumbline.sarif'), 'utf8'))).toEqual(sarif);
    expect(gh.issueComments).toHaveLength(0);
    noSecret(run);
  });
});

describe('runtime', () => {
  it('runs from a copy of the action without node_modules: WebAssembly parsers and presets load from dist/', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'plumbline-action-copy-'));
    const target = join(copy, 'packages', 'action');
    mkdirSync(target, { recursive: true });
    cpSync(join(packageDir, 'dist'), join(target, 'dist'), { recursive: true });
    cpSync(join(packageDir, 'package.json'), join(target, 'package.json'));
    const workspace = mkdtempSync(join(tmpdir(), 'plumbline-mixed-'));
    mkdirSync(join(workspace, 'tf'));
    mkdirSync(join(workspace, 'k8s'));
    // `$((` and a syntax error: the hand-written readers give up, tree-sitter's WebAssembly reads them.
    writeFileSync(
      join(workspace, 'Dockerfile'),
      'FROM ubuntu:latest\nRUN apt-get update && apt-get install -y curl && echo $((1 + 2))\n',
    );
    writeFileSync(join(workspace, 'tf', 'main.tf'), 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n');
    writeFileSync(join(workspace, 'tf', 'broken.tf'), 'resource "aws_s3_bucket" "c" {\n');
    writeFileSync(
      join(workspace, 'k8s', 'pod.yaml'),
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx\n      securityContext:\n        privileged: true\n',
    );
    const run = await runBundle(
      join(target, 'dist', 'index.js'),
      { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_WORKSPACE: workspace },
      { 'fail-on': 'critical', preset: 'recommended' },
    );
    const files = new Set(annotations(run).map((a) => /file=([^,]+)/.exec(a)![1]));
    expect([...files].sort()).toEqual(['Dockerfile', 'k8s/pod.yaml', 'tf/broken.tf', 'tf/main.tf']);
    expect(run.stdout).toContain('k8s/no-privileged-container');
    // tree-sitter's own wording for the broken file, so its grammar did load
    expect(run.stdout).toMatch(/::warning file=tf\/broken\.tf,line=2,.*syntax error: missing \}/);
    // The engine's own failure wordings (a rule's remediation may say "cannot"; these may not
    // appear), and only the broken file is listed as not scanned.
    expect(run.stdout).not.toMatch(/parser failed|cannot read|Plumbline failed/i);
    expect(run.stdout).toContain(
      '\nCould not scan\n  tf/broken.tf:2:1  parse error: syntax error: missing }\n\n',
    );
    expect(run.code).toBe(1);
    rmSync(copy, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
  });
});
