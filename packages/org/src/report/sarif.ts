import { type Finding, SEVERITIES, type Severity } from '@plumbline/core';
import { renderSarif } from '@plumbline/reporters';
import type { ReportData } from './model.js';

/** One SARIF log per scanned repository (code scanning takes one per repository), keyed by file name. */
export function renderSarifFiles(data: ReportData): Map<string, string> {
  const files = new Map<string, string>();
  const byRepository = new Map<string, Finding[]>();
  for (const { repository, firstSeenAt: _s, ...finding } of data.findings) {
    const list = byRepository.get(repository);
    if (list) list.push(finding);
    else byRepository.set(repository, [finding]);
  }
  for (const repo of data.repositories) {
    if (repo.status === 'failed') continue;
    const findings = byRepository.get(repo.name) ?? [];
    const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
    for (const f of findings) bySeverity[f.severity]++;
    const text = renderSarif({
      tool: {
        name: 'plumbline',
        version: data.toolVersion,
        informationUri: 'https://github.com/plumbline-dev/plumbline',
      },
      root: repo.name,
      findings,
      errors: repo.errors,
      summary: { files: 0, findings: findings.length, suppressed: 0, bySeverity, durationMs: 0 },
      // Only the rules this repository's results point at: the full catalogue would be most of every file.
      rules: data.rules.filter((r) => findings.some((f) => f.ruleId === r.id)),
    });
    files.set(`${safeFileName(repo.name)}.sarif`, text);
  }
  return files;
}

/** Repository names are `[A-Za-z0-9._-]`; anything else is replaced so a name cannot leave the folder. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]/g, '_');
  return /^\.+$/.test(cleaned) ? '_' : cleaned;
}
