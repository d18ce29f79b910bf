import { atLeast, combineFixes, type Finding, type Severity } from '@plumbline/core';
import type { GitHubClient } from './client.js';
import { type FileDiff, hunkOf, parsePatch } from './diff.js';
import { prioritised } from './priority.js';

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

/** The fingerprints a comment body of ours carries (none: not ours). */
export function fingerprintsIn(body: string | null | undefined): string[] {
  return [...(body ?? '').matchAll(FINGERPRINT_MARKER)].map((m) => m[1]!);
}

export function fingerprintMarker(fingerprint: string): string {
  return `<!-- plumbline:fingerprint=${fingerprint} -->`;
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
  for (const c of comments) for (const f of fingerprintsIn(c.body)) seen.add(f);
  return seen;
}

export interface PlannedComment {
  /** Fingerprint of the comment's first (most important) finding. */
  fingerprint: string;
  /** Every finding on this line that the comment covers, most important first. */
  fingerprints: string[];
  /** The most severe finding's severity: the comment's rank. */
  severity: Severity;
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
  /** At most this many comments, the most important first (the sticky comment lists everything). Default 30. */
  limit?: number;
  /** Findings below this severity get no inline comment (the sticky comment lists them). Default `medium`. */
  minSeverity?: Severity;
}

export type SkipReason = 'not-changed' | 'already-posted' | 'limit' | 'moved' | 'below-threshold';

export interface Plan {
  comments: PlannedComment[];
  /** New findings not on a changed line, already commented, below the threshold or over the limit. */
  skipped: { finding: Finding; reason: SkipReason }[];
}

/**
 * Which new findings get an inline comment: those at or above `minSeverity` starting on (or
 * spanning) an added line of the PR diff, not commented before. All findings on one line share one
 * comment. The limit takes the most severe lines first (then confidence, then file order). A fix
 * becomes a ```suggestion``` when all its lines are in one hunk (the line's most important fix).
 */
export function planReviewComments(
  findings: readonly Finding[],
  diffs: Map<string, FileDiff>,
  options: PlanOptions = {},
): Plan {
  const plan: Plan = { comments: [], skipped: [] };
  const limit = options.limit ?? 30;
  const threshold = options.minSeverity ?? 'medium';
  const seen = new Set<string>();
  const lines = new Map<string, { path: string; anchor: number; diff: FileDiff; findings: Finding[] }>();
  for (const finding of prioritised(findings)) {
    if (finding.suppressed) continue;
    const path = `${options.prefix ?? ''}${finding.file}`;
    const diff = diffs.get(path);
    const anchor = diff ? anchorLine(diff, finding) : undefined;
    if (!diff || anchor === undefined) {
      plan.skipped.push({ finding, reason: 'not-changed' });
      continue;
    }
    if (options.posted?.has(finding.fingerprint) || seen.has(finding.fingerprint)) {
      plan.skipped.push({ finding, reason: 'already-posted' });
      continue;
    }
    if (!atLeast(finding.severity, threshold)) {
      plan.skipped.push({ finding, reason: 'below-threshold' });
      continue;
    }
    if (options.lineText && options.lineText(finding.file, anchor) !== diff.added.get(anchor)) {
      plan.skipped.push({ finding, reason: 'moved' });
      continue;
    }
    seen.add(finding.fingerprint);
    const key = `${path}\u0000${anchor}`;
    const group = lines.get(key);
    if (group) group.findings.push(finding);
    else lines.set(key, { path, anchor, diff, findings: [finding] });
  }
  // Map order is the order of each line's most important finding: the limit keeps the worst lines.
  for (const { path, anchor, diff, findings: group } of lines.values()) {
    if (plan.comments.length >= limit) {
      for (const finding of group) plan.skipped.push({ finding, reason: 'limit' });
      continue;
    }
    const hunk = hunkOf(diff, anchor);
    const fixable = group.filter(
      (f) =>
        f.fix !== undefined &&
        hunk !== undefined &&
        f.fix.startLine >= hunk.start &&
        f.fix.endLine <= hunk.end,
    );
    let withFix = fixable[0];
    // Several fixes of the same lines (three findings on one `apt-get install`): one suggestion
    // doing all of them, when each changes its own part of the line.
    const first = withFix?.fix;
    const same = fixable.filter(
      (f) => f.fix!.startLine === first?.startLine && f.fix!.endLine === first?.endLine,
    );
    if (withFix && same.length > 1 && options.lineText) {
      const text: (string | undefined)[] = [];
      for (let l = withFix.fix!.startLine; l <= withFix.fix!.endLine; l++)
        text.push(options.lineText(withFix.file, l));
      const combined = text.every((l) => l !== undefined)
        ? combineFixes(
            text.join('\n'),
            same.map((f) => f.fix!),
          )
        : undefined;
      if (combined) withFix = { ...withFix, ruleId: same.map((f) => f.ruleId).join('`, `'), fix: combined };
    }
    const fix = withFix?.fix;
    const comment: PlannedComment = {
      fingerprint: group[0]!.fingerprint,
      fingerprints: group.map((f) => f.fingerprint),
      severity: group[0]!.severity,
      path,
      line: fix ? fix.endLine : anchor,
      body: reviewCommentBody(group, { suggestion: withFix, ruleUrl: options.ruleUrl }),
    };
    if (fix && fix.startLine !== fix.endLine) comment.startLine = fix.startLine;
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

/**
 * Markdown of one inline comment: what, why, how to fix, for each finding on the line (most
 * important first), and one suggestion when a safe fix exists. Starts with a hidden fingerprint
 * marker per finding, by which later runs recognise what is already commented.
 */
export function reviewCommentBody(
  findings: Finding | readonly Finding[],
  options: {
    suggestion?: Finding | boolean;
    ruleUrl?: string | ((ruleId: string) => string | undefined);
  } = {},
): string {
  const group = Array.isArray(findings) ? (findings as readonly Finding[]) : [findings as Finding];
  const urlOf = (id: string) =>
    typeof options.ruleUrl === 'function' ? options.ruleUrl(id) : options.ruleUrl;
  const lines = group.map((f) => fingerprintMarker(f.fingerprint));
  if (group.length > 1) lines.push(`**${group.length} findings on this line**`);
  for (const [i, finding] of group.entries()) {
    const url = urlOf(finding.ruleId);
    const rule = url ? `[\`${finding.ruleId}\`](${url})` : `\`${finding.ruleId}\``;
    if (i > 0 || group.length > 1) lines.push('');
    lines.push(
      `**${SEVERITY_LABEL[finding.severity] ?? finding.severity}: ${escapeMarkdown(finding.title)}** · ${rule}`,
      '',
      escapeMarkdown(finding.message),
    );
    if (finding.remediation) lines.push('', `**Fix:** ${finding.remediation}`);
  }
  const suggested =
    options.suggestion === true ? group[0] : options.suggestion === false ? undefined : options.suggestion;
  if (suggested?.fix) {
    const fence = fenceFor(suggested.fix.replacement);
    const whose = group.length > 1 ? ` (\`${suggested.ruleId}\`)` : '';
    lines.push(
      '',
      `${escapeMarkdown(suggested.fix.description)}${whose}:`,
      '',
      `${fence}suggestion`,
      suggested.fix.replacement,
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
  /** How many reviews were sent (1, or 2 after a 422). */
  attempts: number;
}

/**
 * Posts the comments as one review (one notification). When GitHub rejects the review (422, e.g. a
 * line left the diff after a force-push), `revalidate` (the diff read again) picks the comments that
 * still fit and the review is sent once more without the others: never one comment at a time.
 * Other errors (403, 5xx) are thrown for the caller.
 */
export async function postReviewComments(
  client: GitHubClient,
  pr: PullRequestRef,
  comments: readonly PlannedComment[],
  summary: string,
  revalidate?: (comments: readonly PlannedComment[]) => Promise<PlannedComment[]>,
): Promise<ReviewOutcome> {
  const outcome: ReviewOutcome = { posted: [], rejected: [], attempts: 0 };
  if (comments.length === 0) return outcome;
  const send = async (batch: readonly PlannedComment[]) => {
    outcome.attempts++;
    await client.rest.pulls.createReview({
      owner: pr.owner,
      repo: pr.repo,
      pull_number: pr.number,
      commit_id: pr.headSha,
      event: 'COMMENT',
      body: summary,
      comments: batch.map((c) => ({
        path: c.path,
        line: c.line,
        side: 'RIGHT' as const,
        ...(c.startLine !== undefined ? { start_line: c.startLine, start_side: 'RIGHT' as const } : {}),
        body: c.body,
      })),
    });
  };
  let message: string;
  try {
    await send(comments);
    outcome.posted.push(...comments);
    return outcome;
  } catch (error) {
    if ((error as { status?: number }).status !== 422) throw error;
    message = (error as Error).message;
  }
  const kept = revalidate ? await revalidate(comments) : [];
  const keptSet = new Set(kept);
  for (const comment of comments)
    if (!keptSet.has(comment))
      outcome.rejected.push({ comment, message: 'the line is no longer part of the diff' });
  if (kept.length === 0 || kept.length === comments.length) {
    // Nothing to drop means the diff is not what GitHub objects to: do not send the same review again.
    if (kept.length === comments.length)
      for (const comment of comments) outcome.rejected.push({ comment, message });
    return outcome;
  }
  try {
    await send(kept);
    outcome.posted.push(...kept);
  } catch (error) {
    if ((error as { status?: number }).status !== 422) throw error;
    for (const comment of kept) outcome.rejected.push({ comment, message: (error as Error).message });
  }
  return outcome;
}

/** Keeps the comments whose lines are added lines inside one hunk of `diffs`. */
export function stillInDiff(
  comments: readonly PlannedComment[],
  diffs: Map<string, FileDiff>,
): PlannedComment[] {
  return comments.filter((c) => {
    const diff = diffs.get(c.path);
    if (!diff) return false;
    const hunk = hunkOf(diff, c.line);
    return hunk !== undefined && (c.startLine ?? c.line) >= hunk.start && diff.added.has(c.line);
  });
}

/**
 * Deletes review comments of ours that repeat what an older comment of ours already says (two
 * overlapping runs, a retried write): a comment whose every fingerprint an older one covers.
 * Returns how many were deleted.
 */
export async function removeDuplicateReviewComments(
  client: GitHubClient,
  pr: PullRequestRef,
): Promise<number> {
  const comments = await client.paginate(client.rest.pulls.listReviewComments, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    per_page: 100,
  });
  const covered = new Set<string>();
  let removed = 0;
  for (const comment of [...comments].sort((a, b) => a.id - b.id)) {
    const fingerprints = fingerprintsIn(comment.body);
    if (fingerprints.length === 0 || !comment.body.startsWith('<!-- plumbline:fingerprint=')) continue;
    if (fingerprints.every((f) => covered.has(f))) {
      await deleteIgnoringGone(() =>
        client.rest.pulls.deleteReviewComment({ owner: pr.owner, repo: pr.repo, comment_id: comment.id }),
      );
      removed++;
    } else for (const f of fingerprints) covered.add(f);
  }
  return removed;
}

/** A delete that another run already made is fine. */
export async function deleteIgnoringGone(call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error;
  }
}
