import { compareText, SEVERITIES } from '@plumbline/core';
import type { ReportData } from './model.js';

/** summary.md: for a tracking issue or the job summary. */
export function renderSummary(data: ReportData, options: { top?: number } = {}): string {
  const top = options.top ?? 10;
  const count = (s: string) => data.repositories.filter((r) => r.status === s).length;
  const totals = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<string, number>;
  for (const f of data.findings) totals[f.severity]!++;
  const lines = [
    `## Plumbline: ${escapeMd(data.org)}`,
    '',
    `Run \`${data.runId}\` at ${data.runAt}: ${data.repositories.length} repositories ` +
      `(${count('scanned')} scanned, ${count('unchanged')} unchanged, ${count('failed')} failed), ` +
      `${data.findings.length} open findings, ${data.newThisRun.length} new, ${data.fixedThisRun.length} fixed.`,
    '',
    `| ${SEVERITIES.join(' | ')} |`,
    `|${SEVERITIES.map(() => '---:').join('|')}|`,
    `| ${SEVERITIES.map((s) => totals[s]).join(' | ')} |`,
    '',
  ];
  if (data.meanDaysToFix !== null) lines.push(`Mean time to fix: ${data.meanDaysToFix} days.`, '');
  const worst = [...data.repositories]
    .filter((r) => r.findings > 0)
    .sort((a, b) => b.findings - a.findings || compareText(a.name, b.name))
    .slice(0, top);
  if (worst.length) {
    lines.push(
      '### Repositories with the most findings',
      '',
      '| repository | findings | critical | high |',
      '|---|---:|---:|---:|',
    );
    for (const r of worst)
      lines.push(`| ${escapeMd(r.name)} | ${r.findings} | ${r.bySeverity.critical} | ${r.bySeverity.high} |`);
    lines.push('');
  }
  const failed = data.repositories.filter((r) => r.status === 'failed');
  if (failed.length) {
    lines.push('### Repositories that could not be scanned', '', '| repository | reason |', '|---|---|');
    for (const r of failed) lines.push(`| ${escapeMd(r.name)} | ${escapeMd(r.reason ?? '')} |`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

function escapeMd(text: string): string {
  return text.replace(/[|\\`*_<>[\]]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
}
