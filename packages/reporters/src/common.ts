import {
  type Finding,
  type RuleDescriptor,
  type RunResult,
  type ScanError,
  type ScanErrorKind,
  SEVERITIES,
  type Severity,
  type Suppression,
  severityRank,
} from '@plumbline/core';

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** `1 critical, 2 high` — only the severities that occur, most severe first. */
export function severityBreakdown(counts: Record<Severity, number>): string {
  return SEVERITIES.filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}`)
    .join(', ');
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function active(result: RunResult): Finding[] {
  return result.findings.filter((f) => !f.suppressed);
}

export function suppressedFindings(result: RunResult): Finding[] {
  return result.findings.filter((f) => f.suppressed);
}

/** Groups findings by file, keeping the order in which the files first occur. */
export function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = groups.get(f.file);
    if (group) group.push(f);
    else groups.set(f.file, [f]);
  }
  return groups;
}

/** Most severe first; stable, so the engine's file/line order is kept within a severity. */
export function bySeverityDesc(a: Finding, b: Finding): number {
  return severityRank(b.severity) - severityRank(a.severity);
}

const CONFIDENCE_RANK = { high: 3, medium: 2, low: 1 } as const;

/** Most severe first, then the most certain; stable, so file order is kept within a tie. */
export function byPriority(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    CONFIDENCE_RANK[b.confidence] - CONFIDENCE_RANK[a.confidence]
  );
}

/** The descriptor of a rule, by id. */
export function ruleIndex(result: RunResult): Map<string, RuleDescriptor> {
  return new Map(result.rules.map((r) => [r.id, r]));
}

/** Errors that mean a file (or part of one) was not checked. */
const FILE_ERROR_KINDS: ReadonlySet<ScanErrorKind> = new Set([
  'parse',
  'binary',
  'too-large',
  'unreadable',
  'skipped',
  'internal',
  'outside-root',
  'special-file',
  'unscannable',
]);

export function isFileError(error: ScanError): boolean {
  return error.file !== undefined && FILE_ERROR_KINDS.has(error.kind);
}

export const ERROR_LABELS: Record<ScanErrorKind, string> = {
  parse: 'parse error',
  binary: 'binary file',
  'too-large': 'file too large',
  unreadable: 'unreadable',
  skipped: 'skipped',
  config: 'configuration',
  'expired-exception': 'expired exception',
  internal: 'internal error',
  'outside-root': 'outside the scanned folder',
  'special-file': 'not a regular file',
  unscannable: 'not fully scanned',
};

/** `path:line:column`, as terminals and editors understand it. */
export function position(file: string, line?: number, column?: number): string {
  if (line === undefined) return file;
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
}

/** The rule's severity as configured for this run: what its findings carry, else the default. */
export function effectiveSeverities(result: RunResult): Map<string, Severity> {
  const severities = new Map<string, Severity>();
  for (const rule of result.rules) severities.set(rule.id, rule.severity);
  const seen = new Set<string>();
  for (const f of result.findings) {
    if (seen.has(f.ruleId)) continue;
    seen.add(f.ruleId);
    severities.set(f.ruleId, f.severity);
  }
  return severities;
}

/** A relative URI reference for a posix path (spaces, `#`, `?`, `:` and the like percent-encoded). */
export function artifactUri(file: string): string {
  return file
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%40/g, '@').replace(/%2B/g, '+'))
    .join('/');
}

/** The error's message without what its label already says ("skipped: ..."). */
export function errorText(error: ScanError): string {
  return error.message.replace(/^skipped:\s*/i, '');
}

/** `inline: <reason>`; the baseline's generic reason is not repeated. */
export function suppressionText(suppression: Suppression): string {
  if (suppression.kind === 'baseline' && /^in (the )?baseline$/i.test(suppression.reason.trim()))
    return 'in the baseline';
  return `${suppression.kind}: ${suppression.reason}`;
}
