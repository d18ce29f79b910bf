import type { GitHubClient } from './client.js';
import { deleteIgnoringGone, type PullRequestRef } from './pull-request.js';

export interface StickyResult {
  action: 'created' | 'updated' | 'unchanged' | 'skipped';
  id?: number;
  url?: string;
  /** Extra comments of ours (overlapping runs, a retried create) deleted to leave one. */
  removed: number;
}

export interface StickyOptions {
  /** Hidden first line that identifies the comment (`<!-- plumbline:report -->`). */
  marker: string;
  /** With `false` nothing is created until there is something to say; an existing comment is still updated. */
  createIfMissing?: boolean;
  /**
   * What of a body counts as content: bodies equal under it are not rewritten (default: the whole
   * body). The Action leaves out the footer with the scan time and the hidden state line.
   */
  content?: (body: string) => string;
}

interface IssueComment {
  id: number;
  body?: string | null;
  html_url: string;
}

/** Comments of ours for `marker`, oldest first: the marker must open the body (a quote of it does not count). */
export async function stickyComments(
  client: GitHubClient,
  pr: PullRequestRef,
  marker: string,
): Promise<IssueComment[]> {
  const comments = await client.paginate(client.rest.issues.listComments, {
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    per_page: 100,
  });
  return comments.filter((c) => (c.body ?? '').startsWith(marker)).sort((a, b) => a.id - b.id);
}

/**
 * One comment per pull request, found by its hidden marker and edited in place on every push, so
 * the conversation is not flooded, and rewritten only when its content changed. Idempotent: the
 * comments are listed right before writing; after a write (or a failed one) they are listed again
 * and every comment of ours but the oldest is deleted, so overlapping runs and a create answered
 * with a 5xx still leave exactly one.
 */
export async function upsertStickyComment(
  client: GitHubClient,
  pr: PullRequestRef,
  body: string,
  options: StickyOptions,
): Promise<StickyResult> {
  const text = body.startsWith(options.marker) ? body : `${options.marker}\n${body}`;
  const content = options.content ?? ((b: string) => b);
  const same = (c: IssueComment) => content(c.body ?? '') === content(text);
  const update = async (c: IssueComment) => {
    const { data } = await client.rest.issues.updateComment({
      owner: pr.owner,
      repo: pr.repo,
      comment_id: c.id,
      body: text,
    });
    return data;
  };

  const ours = await stickyComments(client, pr, options.marker);
  let result: StickyResult;
  if (ours.length > 0) {
    const keep = ours[0]!;
    if (same(keep)) result = { action: 'unchanged', id: keep.id, url: keep.html_url, removed: 0 };
    else {
      const data = await update(keep);
      result = { action: 'updated', id: data.id, url: data.html_url, removed: 0 };
    }
    if (ours.length === 1) return result;
  } else {
    if (options.createIfMissing === false) return { action: 'skipped', removed: 0 };
    try {
      const { data } = await client.rest.issues.createComment({
        owner: pr.owner,
        repo: pr.repo,
        issue_number: pr.number,
        body: text,
      });
      result = { action: 'created', id: data.id, url: data.html_url, removed: 0 };
    } catch (error) {
      // A 5xx may come after GitHub stored the comment: look before deciding it failed.
      const status = (error as { status?: number }).status ?? 0;
      if (status < 500) throw error;
      const now = await stickyComments(client, pr, options.marker);
      if (now.length === 0) throw error;
      result = { action: 'created', id: now[0]!.id, url: now[0]!.html_url, removed: 0 };
    }
  }
  return reconcile(client, pr, options.marker, result, same, update);
}

/** Leaves the oldest comment of ours, with our content; deletes the others. */
async function reconcile(
  client: GitHubClient,
  pr: PullRequestRef,
  marker: string,
  result: StickyResult,
  same: (c: IssueComment) => boolean,
  update: (c: IssueComment) => Promise<IssueComment>,
): Promise<StickyResult> {
  const ours = await stickyComments(client, pr, marker);
  if (ours.length === 0) return result;
  const keep = ours[0]!;
  for (const extra of ours.slice(1)) {
    await deleteIgnoringGone(() =>
      client.rest.issues.deleteComment({ owner: pr.owner, repo: pr.repo, comment_id: extra.id }),
    );
    result.removed++;
  }
  if (keep.id !== result.id) {
    // Another run's comment is the one that stays: it must say what this run found.
    if (!same(keep)) await update(keep);
    return {
      ...result,
      action: result.action === 'unchanged' ? 'unchanged' : 'updated',
      id: keep.id,
      url: keep.html_url,
    };
  }
  return result;
}

/** What the sticky comment remembers between runs: the findings it listed, to tell what a push fixed. */
export interface StickyState {
  /** The pull request head the comment was written for. */
  head: string;
  /** Short fingerprints of the findings the comment listed. */
  findings: string[];
  /** The same for the head before it (a re-run of one head compares with that). */
  previous: string[];
}

const STATE = /<!-- plumbline:state (\{.*?\}) -->/;
/** Twelve hex digits tell findings apart within one pull request and keep the state small. */
export const SHORT_FINGERPRINT = 12;

export function stateLine(state: StickyState): string {
  return `<!-- plumbline:state ${JSON.stringify(state)} -->`;
}

export function readState(body: string | null | undefined): StickyState | undefined {
  const m = STATE.exec(body ?? '');
  if (!m) return undefined;
  try {
    const state = JSON.parse(m[1]!) as StickyState;
    if (typeof state.head !== 'string' || !Array.isArray(state.findings) || !Array.isArray(state.previous))
      return undefined;
    return state;
  } catch {
    return undefined;
  }
}

/**
 * The state to store with this run's findings, and how many findings the last push fixed: those
 * listed for the previous head and gone now. A re-run of the same head compares with the head
 * before it, so it says the same as the first run did.
 */
export function nextState(
  previous: StickyState | undefined,
  head: string,
  fingerprints: readonly string[],
): { state: StickyState; fixed: number } {
  const findings = [...new Set(fingerprints.map((f) => f.slice(0, SHORT_FINGERPRINT)))].sort();
  const baseline = previous ? (previous.head === head ? previous.previous : previous.findings) : [];
  const now = new Set(findings);
  return {
    state: { head, findings, previous: baseline },
    fixed: baseline.filter((f) => !now.has(f)).length,
  };
}
