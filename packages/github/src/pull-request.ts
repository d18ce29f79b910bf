import type { Finding } from '@plumbline/core';
import type { GitHubClient } from './client.js';
import { type FileDiff, hunkOf, parsePatch } from './diff.js';

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
  /** The PR head commit: review comments are anchored to it. */
  headSha: string;
}

/** Hidden marker of the sticky report comment; `key` separates several Plumbline steps in one PR. */
export function reportMarker(key = 'report'): string {
  return `<!-- plumbline:${key} -->`;
}

const FINGERPRINT_MARKER = /<!-- plumbline:fingerprint=([0-9a-f]+) -->/g;

export function fingerprintMarker(fingerprint: string): string {
  return `<!-- plumbline:fingerprint=${fingerprint} -->`;
}

export interface StickyResult {
  action: 'created' | 'updated' | 'unchanged' | 'skipped';
  id?: number;
  url?: string;
}

/**
 * One comment per pull request, found by its hidden marker and edited in place on every push, so
 * the conversation is not flooded. With `createIfMissing: false` nothing is posted until there is
 * something to say (an existing comment is still brought up to date, e.g. to "no new findings").
 */
export async function upsertStickyComment(
  client: GitHubClient,
  pr: PullRequestRef,
  body: string,
  options: { marker: string; createIfMissing?: boolean },
): Promise<StickyResult> {
  const text = body.includes(options.marker) ? body : `${options.marker}\n${body}`;
  const comments = await client.paginate(client.rest.issues.listComments, {
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    per_page: 100,
  });
  const existing = comments.find((c) => c.body?.includes(options.marker));
  if (existing) {
    if (existing.body === text) return { action: 'unchanged', id: existing.id, url: existing.html_url };
    const { data } = await client.rest.issues.updateComment({
      owner: pr.owner,
      repo: pr.repo,
      comment_id: existing.id,
      body: text,
    });
    return { action: 'updated', id: data.id, url: data.html_url };
  }
  if (options.createIfMissing === false) return { action: 'skipped' };
  const { data } = await client.rest.issues.createComment({
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    body: text,
  });
  return { action: 'created', id: data.id, url: data.html_url };
}

/** The changed files of a pull request with the new-side lines of their diffs (repository-relative paths). */
export async function pullRequestDiffs(
  client: GitHubClient,
  pr: PullRequestRef,
): Promise<Map<string, FileDiff>> {
  const files = await client.paginate(client.rest.pulls.listFiles, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    per_page: 100,
  });
  const diffs = new Map<string, FileDiff>();
  for (const file of files) {
    // No patch: binary, or a diff too large for the API. Nothing can be commented on there.
    if (file.status === 'removed' || !file.patch) continue;
    diffs.set(file.filename, parsePatch(file.patch));
  }
  return diffs;
}

/** Fingerprints already commented on in this pull request (by any earlier run). */
export async function postedFingerprints(client: GitHubClient, pr: PullRequestRef): Promise<Set<string>> {
  const comments = await client.paginate(client.rest.pulls.listReviewComments, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    per_page: 100,
  });
  const seen = new Set<string>();
  for (const c of comments) for (const m of (c.body ?? '').matchAll(FINGERPRINT_MARKER)) seen.add(m[1]!);
  return seen;
}

export interface PlannedComment {
  fingerprint: string;
  /** Repository-relative. */
  path: string;
  line: number;
  /** First line of a multi-line comment (a suggestion replacing several lines). */
  startLine?: number;
  body: string;
}

export interface PlanOptions {
  /** The scanned root inside the repository (`''` or `infra/`): finding paths are relative to it. */
  prefix?: string;
  /** Link to a rule's documentation. */
  ruleUrl?: (ruleId: string) => string | undefined;
  /**
   * Text of a line of the scanned work tree. When given, a finding is commented on only if its
   * anchor line reads as in the diff (the checkout can differ from the PR head, e.g. a merge commit).
   */
  lineText?: (path: string, line: number) => string | undefined;
  /** Already commented fingerprints: skipped. */
  posted?: Set<string>;
  /** At most this many comments (the sticky comment lists everything). Default 30. */
  limit?: number;
}

export interface Plan {
  comments: PlannedComment[];
  /** New findings not on a changed line, already commented, or over the limit. */
  skipped: { finding: Finding; reason: 'not-changed' | 'already-posted' | 'limit' | 'moved' }[];
}

/**
 * Which new findings get an inline comment: those starting on (or spanning) an added line of the
 * PR diff, not commented before. A fix becomes a ```suggestion``` when all its lines are in one hunk.
 */
export function planReviewComments(
  findings: readonly Finding[],
  diffs: Map<string, FileDiff>,
  options: PlanOptions = {},
): Plan {
  const plan: Plan = { comments: [], skipped: [] };
  const limit = options.limit ?? 30;
  const planned = new Set<string>();
  for (const finding of findings) {
    if (finding.suppressed) continue;
    const path = `${options.prefix ?? ''}${finding.file}`;
    const diff = diffs.get(path);
    const anchor = diff ? anchorLine(diff, finding) : undefined;
    if (!diff || anchor === undefined) {
      plan.skipped.push({ finding, reason: 'not-changed' });
      continue;
    }
    if (options.posted?.has(finding.fingerprint) || planned.has(finding.fingerprint)) {
      plan.skipped.push({ finding, reason: 'already-posted' });
      continue;
    }
    if (options.lineText && options.lineText(finding.file, anchor) !== diff.added.get(anchor)) {
      plan.skipped.push({ finding, reason: 'moved' });
      continue;
    }
    if (plan.comments.length >= limit) {
      plan.skipped.push({ finding, reason: 'limit' });
      continue;
    }
    const fix = finding.fix;
    const hunk = hunkOf(diff, anchor);
    const suggest =
      fix !== undefined && hunk !== undefined && fix.startLine >= hunk.start && fix.endLine <= hunk.end;
    const comment: PlannedComment = {
      fingerprint: finding.fingerprint,
      path,
      line: suggest ? fix.endLine : anchor,
      body: reviewCommentBody(finding, { suggestion: suggest, ruleUrl: options.ruleUrl?.(finding.ruleId) }),
    };
    if (suggest && fix.startLine !== fix.endLine) comment.startLine = fix.startLine;
    planned.add(finding.fingerprint);
    plan.comments.push(comment);
  }
  return plan;
}

/** The finding's first line that the PR added or changed, if any. */
function anchorLine(diff: FileDiff, finding: Finding): number | undefined {
  for (let line = finding.startLine; line <= Math.max(finding.startLine, finding.endLine); line++) {
    if (diff.added.has(line)) return line;
  }
  return undefined;
}

const SEVERITY_LABEL: Record<string, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

/** Markdown of one inline comment: what, why, how to fix, and a suggestion when safe. */
export function reviewCommentBody(
  finding: Finding,
  options: { suggestion?: boolean; ruleUrl?: string } = {},
): string {
  const rule = options.ruleUrl ? `[\`${finding.ruleId}\`](${options.ruleUrl})` : `\`${finding.ruleId}\``;
  const lines = [
    fingerprintMarker(finding.fingerprint),
    `**${SEVERITY_LABEL[finding.severity] ?? finding.severity}: ${escapeMarkdown(finding.title)}** · ${rule}`,
    '',
    escapeMarkdown(finding.message),
  ];
  if (finding.remediation) lines.push('', `**Fix:** ${finding.remediation}`);
  if (options.suggestion && finding.fix) {
    const fence = fenceFor(finding.fix.replacement);
    lines.push(
      '',
      `${escapeMarkdown(finding.fix.description)}:`,
      '',
      `${fence}suggestion`,
      finding.fix.replacement,
      fence,
    );
  }
  return lines.join('\n');
}

/** A code fence longer than any backtick run in the text. */
function fenceFor(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

/** Keeps finding text from opening HTML (`<!--` would hide the rest) or tables. */
function escapeMarkdown(text: string): string {
  return text.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}

export interface ReviewOutcome {
  posted: PlannedComment[];
  /** Comments GitHub refused (422: the line is not part of the diff any more). */
  rejected: { comment: PlannedComment; message: string }[];
}

/**
 * Posts the comments as one review (one notification). When GitHub rejects the review (422, e.g. a
 * line left the diff after a force-push), each comment is posted on its own and the bad ones dropped.
 * Permission errors (403) are thrown for the caller's fallback.
 */
export async function postReviewComments(
  client: GitHubClient,
  pr: PullRequestRef,
  comments: readonly PlannedComment[],
  summary: string,
): Promise<ReviewOutcome> {
  const outcome: ReviewOutcome = { posted: [], rejected: [] };
  if (comments.length === 0) return outcome;
  const toApi = (c: PlannedComment) => ({
    path: c.path,
    line: c.line,
    side: 'RIGHT' as const,
    ...(c.startLine !== undefined ? { start_line: c.startLine, start_side: 'RIGHT' as const } : {}),
    body: c.body,
  });
  try {
    await client.rest.pulls.createReview({
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.number,
      commit_id: pr.headSha,
      event: 'COMMENT',
      body: summary,
      comments: comments.map(toApi),
    });
    outcome.posted.push(...comments);
    return outcome;
  } catch (error) {
    if ((error as { status?: number }).status !== 422) throw error;
  }
  for (const comment of comments) {
    try {
      await client.rest.pulls.createReviewComment({
        owner: pr.owner,
        repo: pr.repo,
        pull_number: pr.number,
        commit_id: pr.headSha,
        ...toApi(comment),
      });
      outcome.posted.push(comment);
    } catch (error) {
      if ((error as { status?: number }).status !== 422) throw error;
      outcome.rejected.push({ comment, message: (error as Error).message });
    }
  }
  return outcome;
}
