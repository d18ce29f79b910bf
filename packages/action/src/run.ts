import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { atLeast, type Finding, type RunResult, type Severity } from '@plumbline/core';
import {
  changedFilesSince,
  createGitHubClient,
  ensureCommit,
  findMergeBase,
  isPermissionError,
  isRateLimitError,
  newFindingsSince,
  nextState,
  type PullRequestRef,
  parentsOf,
  planReviewComments,
  postedFingerprints,
  postReviewComments,
  pullRequestDiffs,
  type ReviewOutcome,
  readState,
  removeDuplicateReviewComments,
  repoLayout,
  reportMarker,
  resolveCommit,
  restrictTo,
  stateLine,
  stickyComments,
  stillInDiff,
  uploadSarif,
  upsertStickyComment,
} from '@plumbline/github';
import { DiskRenderCache } from '@plumbline/render';
import type { SarifLog } from '@plumbline/reporters';
import { annotationCommands } from './annotations.js';
import { appendSummary, command, setOutput } from './commands.js';
import type { Engine } from './engine.js';
import { type Env, InputError, type Inputs, readInputs } from './inputs.js';

/** GitHub's limit for an issue comment body is 65,536 characters; keep a margin. */
const COMMENT_MAX = 60_000;
/** The job summary takes up to 1 MiB per step. */
const SUMMARY_MAX = 900_000;

interface PullRequestPayload {
  number: number;
  head: { sha: string; repo?: { full_name?: string } | null };
  base: { sha: string; repo: { full_name: string } };
}

interface EventPayload {
  pull_request?: PullRequestPayload;
  before?: string;
  after?: string;
}

export interface Output {
  write(line: string): void;
}

/**
 * One run of the Action: scan, work out what is new, then report through every channel that is
 * switched on and permitted. Returns the exit code. Never throws for a GitHub API failure: a
 * missing permission becomes one notice, anything else a warning; only findings fail the job.
 */
export async function runAction(env: Env, engine: Engine, out: Output): Promise<number> {
  const log = (line: string) => out.write(`${line}\n`);
  let inputs: Inputs;
  try {
    inputs = readInputs(env);
  } catch (error) {
    if (error instanceof InputError) {
      log(command('error', {}, error.message));
      return 2;
    }
    throw error;
  }
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const root = resolve(workspace, inputs.path);
  const event = readEvent(env.GITHUB_EVENT_PATH);
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const pull =
    (eventName === 'pull_request' || eventName === 'pull_request_target') && event.pull_request
      ? event.pull_request
      : undefined;
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '/').split('/') as [string, string];
  const layout = await repoLayout(root).catch(() => undefined);
  const prefix = layout?.prefix ?? prefixInWorkspace(root, workspace);

  // Outcomes of Helm and kustomize kept in a folder actions/cache carries from run to run; the
  // same Helm is often installed afresh on each runner, so binaries are told apart by their bytes.
  const renderCache = inputs.renderCache
    ? new DiskRenderCache(resolve(workspace, inputs.renderCache), { binaryByContent: true })
    : undefined;
  const scanOptions = {
    configPath: inputs.config ? resolve(workspace, inputs.config) : undefined,
    presets: inputs.presets.length ? inputs.presets : undefined,
    ...(renderCache ? { renderCache } : {}),
  };
  // What counts: the findings this change adds (pull request, push with a `before`), or all of them.
  let mode = inputs.mode ?? (pull ? 'new' : 'all');
  // The base commit is looked up (and fetched into a shallow checkout, a network round trip)
  // while the head is scanned; its outcome is read once the scan is done.
  const baseLookup =
    mode === 'new'
      ? baseCommit(root, pull, event, env).then(
          (found) => ({ found }),
          (error: Error) => ({ error }),
        )
      : undefined;
  let head: RunResult;
  try {
    head = await engine.scan({ root, ...scanOptions });
  } catch (error) {
    // A configuration error (unknown rule, invalid file): nothing was scanned.
    log(command('error', { title: 'Plumbline could not scan' }, (error as Error).message));
    return 2;
  }

  let reported: RunResult = restrictTo(
    head,
    head.findings.filter((f) => !f.suppressed),
  );
  let baseDescription = '';
  let baseCommitSha: string | undefined;
  if (baseLookup) {
    const lookup = await baseLookup;
    if ('error' in lookup)
      log(
        command(
          'warning',
          { title: 'Plumbline: reporting all findings' },
          `Cannot find the base commit to compare with: ${lookup.error.message}`,
        ),
      );
    const base = 'found' in lookup ? lookup.found : undefined;
    if (base) {
      try {
        const diff = await newFindingsSince({
          root,
          ref: base.commit,
          mergeBase: false,
          head,
          ...(layout ? { layout } : {}),
          scan: (o) => engine.scan({ ...scanOptions, ...o }),
        });
        reported = diff.result;
        baseDescription = base.description;
        baseCommitSha = base.commit;
        for (const note of [...base.notes, ...diff.notes]) log(command('notice', {}, note));
      } catch (error) {
        log(
          command(
            'warning',
            { title: 'Plumbline: reporting all findings' },
            `Cannot scan the base commit: ${(error as Error).message}`,
          ),
        );
        mode = 'all';
      }
    } else mode = 'all';
  }
  if (renderCache) {
    const pruned = renderCache.prune();
    const { hits, misses } = renderCache.stats;
    log(
      `Render cache (${inputs.renderCache}): ${hits} reused, ${misses} rendered${pruned ? `, ${pruned} old outcomes removed` : ''}`,
    );
  }
  const isNew = mode === 'new';
  const count = reported.findings.length;
  const total = head.summary.findings;

  // Links point at the commit the author pushed, where the lines are what they wrote.
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/$/, '');
  const linkSha = pull?.head.sha ?? env.GITHUB_SHA ?? 'HEAD';
  const fileUrl = (file: string, line: number) =>
    `${server}/${owner}/${repo}/blob/${linkSha}/${encodePath(prefix + file)}#L${line}`;
  const helpUris = new Map(head.rules.map((r) => [r.id, r.helpUri]));
  const ruleUrl = (id: string) => helpUris.get(id) ?? `${server}/${owner}/${repo}`;
  const older = total - count;
  const title = isNew
    ? `Plumbline: new findings in this ${pull ? 'pull request' : 'push'}${older > 0 ? ` · ${older} older finding${older === 1 ? '' : 's'} not shown` : ''}`
    : 'Plumbline';
  const headline = `Plumbline: ${count === 0 ? 'no' : count} ${isNew ? 'new ' : ''}finding${count === 1 ? '' : 's'}${isNew ? ` (${total} in total)` : ''}`;

  log(`${headline}${baseDescription ? `, compared with ${baseDescription}` : ''}`);
  const text = engine.renderText(reported).trim();
  if (text) log(text);

  // Files that could not be scanned matter to this pull request only when it touched them.
  if (pull && isNew && baseCommitSha) {
    const touched = await changedFilesSince(root, baseCommitSha).catch(() => undefined);
    if (touched)
      reported = {
        ...reported,
        errors: reported.errors.filter((e) => !e.file || touched.has(prefix + e.file)),
      };
  }

  // SARIF carries every head finding (suppressed ones as SARIF suppressions): code scanning tracks
  // which alerts a pull request introduces or fixes by itself.
  let sarifPath: string | undefined;
  let sarif: string | undefined;
  if (inputs.sarifFile || inputs.uploadSarif) {
    const sarifLog = engine.sarifLog(head);
    prefixUris(sarifLog, prefix);
    setCategory(sarifLog, inputs.sarifCategory);
    sarif = `${JSON.stringify(sarifLog, null, 2)}\n`;
    sarifPath = resolve(workspace, inputs.sarifFile ?? 'plumbline.sarif');
    mkdirSync(dirname(sarifPath), { recursive: true });
    writeFileSync(sarifPath, sarif);
  }

  // GitHub: the sticky comment, inline comments, SARIF upload; each tried and reported on its own.
  let commentUrl = '';
  const gh = new GitHubSide(log);
  const commented = new Set<string>();
  const fork =
    pull !== undefined &&
    pull.head.repo?.full_name !== undefined &&
    pull.head.repo.full_name !== pull.base.repo.full_name;
  const wantsWrites = (pull && (inputs.comment || inputs.reviewComments)) || inputs.uploadSarif;
  let sarifUploaded = false;
  if (wantsWrites && !inputs.token) {
    gh.denied('every write', 'no github-token was given');
  } else if (wantsWrites && fork && eventName === 'pull_request') {
    gh.denied(
      'every write',
      'this pull request comes from a fork, and GitHub gives fork pull requests a read-only token',
    );
  } else if (wantsWrites && inputs.token) {
    const client = createGitHubClient({
      token: inputs.token,
      baseUrl: env.GITHUB_API_URL || 'https://api.github.com',
      userAgent: 'plumbline-action',
      pace: env.PLUMBLINE_GITHUB_PACE === 'none' ? 'none' : 'github',
      log: { debug() {}, info() {}, warn: (m) => log(m), error() {} },
    });
    if (pull) {
      const pr: PullRequestRef = { owner, repo, number: pull.number, headSha: pull.head.sha };
      if (inputs.reviewComments && isNew && count > 0) {
        await gh.try('post review comments', 'pull-requests: write', async () => {
          const diffs = await pullRequestDiffs(client, pr);
          // Listed right before the write: a run that overlaps this one has posted by now.
          const posted = await postedFingerprints(client, pr);
          const plan = planReviewComments(reported.findings, diffs, {
            prefix,
            ruleUrl,
            posted,
            lineText: lineReader(root),
            minSeverity: inputs.reviewMinSeverity,
          });
          for (const skip of plan.skipped)
            if (skip.reason === 'already-posted') commented.add(skip.finding.fingerprint);
          let outcome: ReviewOutcome | undefined;
          try {
            outcome = await postReviewComments(
              client,
              pr,
              plan.comments,
              `Plumbline: ${plural(plan.comments.length, 'inline comment')} on lines this pull request changes; the pull request comment lists every new finding.`,
              async (comments) => stillInDiff(comments, await pullRequestDiffs(client, pr)),
            );
          } finally {
            // After a write (or an error in the middle of one): one comment per finding, ours deleted otherwise.
            const removed = await removeDuplicateReviewComments(client, pr).catch(() => 0);
            if (removed > 0)
              log(
                `Review comments: removed ${removed} duplicate${removed === 1 ? '' : 's'} left by an overlapping run.`,
              );
          }
          for (const c of outcome.posted) for (const f of c.fingerprints) commented.add(f);
          const already = plan.skipped.filter((s) => s.reason === 'already-posted').length;
          const below = plan.skipped.filter((s) => s.reason === 'below-threshold').length;
          const limited = plan.skipped.filter((s) => s.reason === 'limit').length;
          log(
            `Review comments: ${outcome.posted.length} posted${outcome.attempts > 1 ? ' (review sent again without the comments GitHub refused)' : ''}, ${already} findings already commented, ${outcome.rejected.length} refused by GitHub, ${below} below ${inputs.reviewMinSeverity}, ${limited} over the limit.`,
          );
        });
      }
      if (inputs.comment) {
        const marker = reportMarker(
          inputs.path === '.' ? 'report' : `report ${inputs.path.replace(/-{2,}|[^\w./ -]/g, '_')}`,
        );
        const sticky = await gh.try('update the pull request comment', 'pull-requests: write', async () => {
          const previous = (await stickyComments(client, pr, marker))[0];
          const { state, fixed } = nextState(
            readState(previous?.body),
            pull.head.sha,
            reported.findings.map((f) => f.fingerprint),
          );
          const body = engine.renderMarkdown(reported, {
            title,
            maxLength: COMMENT_MAX - stateLine(state).length - 1,
            fileUrl,
            ruleUrl,
            onlyNew: isNew,
            marker,
            fixed: isNew ? fixed : undefined,
          });
          return upsertStickyComment(client, pr, `${body.trimEnd()}\n${stateLine(state)}\n`, {
            marker,
            createIfMissing: count > 0 || fixed > 0,
            content: stickyContent,
          });
        });
        if (sticky?.url) {
          commentUrl = sticky.url;
          log(`Pull request comment ${sticky.action}: ${sticky.url}`);
        }
        if (sticky && sticky.removed > 0)
          log(
            `Pull request comment: removed ${sticky.removed} extra cop${sticky.removed === 1 ? 'y' : 'ies'} left by an overlapping run.`,
          );
      }
    }
    if (inputs.uploadSarif && sarif && env.GITHUB_SHA && env.GITHUB_REF) {
      const sha = env.GITHUB_SHA;
      const ref = env.GITHUB_REF;
      const text = sarif;
      await gh.try('upload SARIF to code scanning', 'security-events: write', async () => {
        const result = await uploadSarif(client, {
          owner,
          repo,
          commitSha: sha,
          ref,
          sarif: text,
          pollIntervalMs: Number(env.PLUMBLINE_SARIF_POLL_MS) || 5000,
        });
        if (result.status === 'failed')
          log(
            command(
              'warning',
              { title: 'Plumbline: SARIF upload' },
              `code scanning rejected the SARIF: ${result.errors.join('; ')}`,
            ),
          );
        else {
          sarifUploaded = true;
          log(`SARIF upload ${result.id} (category ${inputs.sarifCategory}): ${result.status}`);
        }
      });
    }
  }
  const notices = gh.report();

  if (inputs.annotations) {
    const seeAlso = ['the job summary', ...(sarifUploaded ? ['code scanning'] : [])];
    for (const line of annotationCommands(reported.findings, {
      prefix,
      commented,
      seeAlso,
      otherNotices: notices,
    }))
      log(line);
  }

  appendSummary(
    env.GITHUB_STEP_SUMMARY,
    engine.renderMarkdown(reported, { title, maxLength: SUMMARY_MAX, fileUrl, ruleUrl, onlyNew: isNew }),
  );

  setOutput(env.GITHUB_OUTPUT, 'findings', String(total));
  setOutput(env.GITHUB_OUTPUT, 'new-findings', String(count));
  setOutput(
    env.GITHUB_OUTPUT,
    'sarif-file',
    sarifPath ? relative(workspace, sarifPath).split(sep).join('/') : '',
  );
  setOutput(env.GITHUB_OUTPUT, 'comment-url', commentUrl);

  return failed(reported.findings, inputs.failOn) ? 1 : 0;
}

function failed(findings: readonly Finding[], failOn: Severity | 'none'): boolean {
  if (failOn === 'none') return false;
  return findings.some((f) => !f.suppressed && atLeast(f.severity, failOn));
}

/**
 * Calls to GitHub, each tried on its own: a refusal of one (403 on comments) never stops another
 * (the SARIF upload). Refusals are gathered into one notice that names what was refused and the
 * permission that would allow it; other failures are warnings.
 */
class GitHubSide {
  private readonly refused: { what: string; permission?: string; why: string }[] = [];

  constructor(private readonly log: (line: string) => void) {}

  denied(what: string, why: string, permission?: string): void {
    this.refused.push({ what, why, permission });
  }

  async try<T>(what: string, permission: string, call: () => Promise<T>): Promise<T | undefined> {
    try {
      return await call();
    } catch (error) {
      if (isPermissionError(error)) this.denied(what, (error as Error).message, permission);
      else if (isRateLimitError(error))
        this.log(
          command(
            'warning',
            { title: 'Plumbline: GitHub rate limit' },
            `Could not ${what}: the API rate limit is exhausted.`,
          ),
        );
      else
        this.log(
          command(
            'warning',
            { title: 'Plumbline: GitHub API' },
            `Could not ${what}: ${(error as Error).message}`,
          ),
        );
      return undefined;
    }
  }

  /** Writes the notice of refused writes, if any; returns how many notices it wrote. */
  report(): number {
    if (this.refused.length === 0) return 0;
    if (this.refused.some((r) => r.what === 'every write')) {
      this.log(
        command(
          'notice',
          { title: 'Plumbline: results in annotations and the job summary only' },
          `Cannot comment on the pull request or upload SARIF: ${this.refused[0]!.why}. The job does not fail for this. To get comments, run on pull_request from branches of this repository and grant the job "pull-requests: write" (and "security-events: write" for upload-sarif).`,
        ),
      );
      return 1;
    }
    const parts = this.refused.map(
      (r) => `could not ${r.what} (${r.why})${r.permission ? `: grant the job "${r.permission}"` : ''}`,
    );
    this.log(
      command(
        'notice',
        { title: 'Plumbline: some results not posted' },
        `The token ${parts.join('; ')}. Everything else was posted; the job does not fail for this.`,
      ),
    );
    return 1;
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The part of a sticky comment that counts as content: not the hidden state, not the footer (scan time). */
export function stickyContent(body: string): string {
  return body
    .split('\n')
    .filter((line) => !line.startsWith('<!-- plumbline:state ') && !/^<sub>.*<\/sub>$/.test(line))
    .join('\n')
    .trim();
}

/** SARIF `automationDetails.id` (`category/run`): code scanning keeps one analysis per category. */
function setCategory(log: SarifLog, category: string): void {
  for (const run of log.runs) run.automationDetails = { id: `${category}/` };
}

function readEvent(path: string | undefined): EventPayload {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as EventPayload;
  } catch {
    return {};
  }
}

/** The scanned root's folder inside the workspace (`''`, `infra/`), for a root that is not in a git work tree. */
function prefixInWorkspace(root: string, workspace: string): string {
  const rel = relative(workspace, root).split(sep).join('/');
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? `${rel}/` : '';
}

const ZERO = /^0+$/;

/**
 * The commit whose findings count as already there.
 * - Pull request checked out as GitHub's merge commit (actions/checkout's default): its first
 *   parent, the base branch as merged — exactly what the PR adds, whatever moved on the base since.
 * - Pull request head checked out: the merge base of the base branch and the head.
 * - Push: the commit before the push.
 * The commit is fetched (one commit deep) when the clone is shallow.
 */
async function baseCommit(
  root: string,
  pull: PullRequestPayload | undefined,
  event: EventPayload,
  env: Env,
): Promise<{ commit: string; description: string; notes: string[] } | undefined> {
  const notes: string[] = [];
  const head = await resolveCommit(root, 'HEAD');
  if (!head) throw new Error(`${root} is not a git checkout`);
  if (pull) {
    const parents = await parentsOf(root, head);
    if (head !== pull.head.sha && parents.length === 2 && parents[1] === pull.head.sha) {
      const commit = await ensureCommit(root, parents[0]!, { depth: 1 });
      return { commit, description: `the base branch at ${commit.slice(0, 7)} (merge commit parent)`, notes };
    }
    if (head !== pull.head.sha) {
      notes.push(
        `The checkout (${head.slice(0, 7)}) is neither the pull request head (${pull.head.sha.slice(0, 7)}) nor GitHub's merge commit for it, so the scan may not show this pull request's code (with pull_request_target, actions/checkout checks out the base branch).`,
      );
    }
    const base = await ensureCommit(root, pull.base.sha, { depth: 1 });
    const fork = await findMergeBase(root, base, head);
    if (fork) return { commit: fork, description: `the merge base ${fork.slice(0, 7)}`, notes };
    notes.push(
      `The history is too shallow to find where this branch left ${base.slice(0, 7)}; compared with the base branch tip instead (use actions/checkout with fetch-depth: 0 for exact results).`,
    );
    return { commit: base, description: `the base branch at ${base.slice(0, 7)}`, notes };
  }
  if (env.GITHUB_EVENT_NAME === 'push' && event.before && !ZERO.test(event.before)) {
    const commit = await ensureCommit(root, event.before, { depth: 1 });
    return { commit, description: `the previous push ${commit.slice(0, 7)}`, notes };
  }
  return undefined;
}

/** Lines of files in the scanned work tree, read once each. */
function lineReader(root: string): (path: string, line: number) => string | undefined {
  const cache = new Map<string, string[] | undefined>();
  return (path, line) => {
    if (!cache.has(path)) {
      try {
        cache.set(path, readFileSync(resolve(root, path), 'utf8').split('\n'));
      } catch {
        cache.set(path, undefined);
      }
    }
    return cache.get(path)?.[line - 1]?.replace(/\r$/, '');
  };
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** SARIF URIs are relative to the scanned root; code scanning resolves them from the repository root. */
function prefixUris(log: SarifLog, prefix: string): void {
  if (!prefix) return;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.uri === 'string' && o.uriBaseId === '%SRCROOT%' && !/^[a-z]+:/i.test(o.uri))
        o.uri = prefix + o.uri;
      for (const value of Object.values(o)) visit(value);
    }
  };
  visit(log);
}
