import { type GitHubClient, isApiError, uploadSarif } from '@plumbline/github';
import type { ReportData, ReportRepository } from './report/model.js';
import { renderSarifFiles, safeFileName } from './report/sarif.js';

export const ISSUE_LABEL = 'plumbline';
export const ISSUE_MARKER = '<!-- plumbline-org-tracking-issue -->';
const ISSUE_TITLE = 'Plumbline: infrastructure findings';

export interface PublishOptions {
  owner: string;
  uploadSarif?: boolean;
  openIssues?: boolean;
  /** Wait for code scanning to process each upload (ms between polls; tests shorten it). */
  pollIntervalMs?: number;
  onNote?: (message: string) => void;
}

export interface PublishOutcome {
  sarifUploaded: number;
  issuesOpened: number;
  issuesUpdated: number;
  issuesClosed: number;
  errors: { repository: string; message: string }[];
}

/**
 * The optional writes, off by default: SARIF to each scanned repository's code scanning, and one
 * tracking issue per repository kept up to date in place, closed once the repository is clean.
 * Unchanged repositories were published when they were last scanned; failed ones have nothing new.
 */
export async function publishResults(
  client: GitHubClient,
  data: ReportData,
  options: PublishOptions,
): Promise<PublishOutcome> {
  const outcome: PublishOutcome = {
    sarifUploaded: 0,
    issuesOpened: 0,
    issuesUpdated: 0,
    issuesClosed: 0,
    errors: [],
  };
  const sarif = options.uploadSarif ? renderSarifFiles(data) : new Map<string, string>();
  for (const repo of data.repositories.filter((r) => r.status === 'scanned' && r.headSha)) {
    try {
      if (options.uploadSarif) {
        const result = await uploadSarif(client, {
          owner: options.owner,
          repo: repo.name,
          commitSha: repo.headSha!,
          ref: `refs/heads/${repo.defaultBranch}`,
          sarif: sarif.get(`${safeFileName(repo.name)}.sarif`)!,
          pollIntervalMs: options.pollIntervalMs,
        });
        if (result.status === 'failed')
          throw new Error(`code scanning rejected the SARIF: ${result.errors.join('; ')}`);
        outcome.sarifUploaded++;
      }
      if (options.openIssues) await trackingIssue(client, options.owner, repo, data, outcome);
    } catch (error) {
      const message = isApiError(error)
        ? `GitHub answered ${error.status}: ${error.message.split('\n')[0]}`
        : (error as Error).message;
      outcome.errors.push({ repository: repo.name, message });
      options.onNote?.(`${repo.name}: could not publish: ${message}`);
    }
  }
  return outcome;
}

async function trackingIssue(
  client: GitHubClient,
  owner: string,
  repo: ReportRepository,
  data: ReportData,
  outcome: PublishOutcome,
): Promise<void> {
  const existing = (
    await client.paginate(client.rest.issues.listForRepo, {
      owner,
      repo: repo.name,
      labels: ISSUE_LABEL,
      state: 'all',
      per_page: 100,
    })
  ).find((issue) => !issue.pull_request && issue.body?.includes(ISSUE_MARKER));
  const body = issueBody(repo, data);
  if (repo.findings === 0) {
    if (existing && existing.state === 'open') {
      await client.rest.issues.update({
        owner,
        repo: repo.name,
        issue_number: existing.number,
        body,
        state: 'closed',
      });
      outcome.issuesClosed++;
    }
    return;
  }
  if (existing) {
    await client.rest.issues.update({
      owner,
      repo: repo.name,
      issue_number: existing.number,
      body,
      state: 'open',
    });
    outcome.issuesUpdated++;
  } else {
    await client.rest.issues.create({
      owner,
      repo: repo.name,
      title: ISSUE_TITLE,
      body,
      labels: [ISSUE_LABEL],
    });
    outcome.issuesOpened++;
  }
}

/** The tracking issue's text: counts, then each finding as a link to its line at the scanned commit. */
export function issueBody(repo: ReportRepository, data: ReportData, limit = 100): string {
  const findings = data.findings.filter((f) => f.repository === repo.name);
  const lines = [
    ISSUE_MARKER,
    repo.findings === 0
      ? `Plumbline found nothing left to fix at ${repo.headSha?.slice(0, 7)} (run ${data.runId}). Closing.`
      : `Plumbline found **${repo.findings}** open findings on \`${repo.defaultBranch}\` at ${repo.headSha?.slice(0, 7)} (run ${data.runId}): ` +
        Object.entries(repo.bySeverity)
          .filter(([, n]) => n > 0)
          .map(([s, n]) => `${n} ${s}`)
          .join(', ') +
        '.',
    '',
  ];
  if (findings.length) {
    lines.push('| severity | rule | where | message |', '|---|---|---|---|');
    for (const f of findings.slice(0, limit))
      lines.push(
        `| ${f.severity} | \`${f.ruleId}\` | [${escapeCell(f.file)}:${f.startLine}](../blob/${repo.headSha}/${encodeURI(f.file)}#L${f.startLine}) | ${escapeCell(f.message)} |`,
      );
    if (findings.length > limit)
      lines.push('', `…and ${findings.length - limit} more (see the organisation report).`);
  }
  lines.push(
    '',
    'This issue is updated in place by the weekly organisation scan and closed when nothing is left.',
  );
  return `${lines.join('\n')}\n`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
