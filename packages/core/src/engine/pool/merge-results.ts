import { compareText } from '../../compare-text.js';
import type { RunResult } from '../../model/finding.js';
import { SEVERITIES, type Severity } from '../../model/severity.js';
import { compareErrors, compareFindings } from '../finding.js';

/**
 * One RunResult from the leader's and the other shards': findings and errors sorted as one run
 * sorts them (stable sorts over shards whose files do not overlap, so ties keep one run's order),
 * counts added up, rules listed once. Run-wide notices (an expired exception) come from the
 * leader only: every shard saw the same config.
 */
export function mergeResults(leader: RunResult, others: readonly RunResult[], durationMs: number): RunResult {
  const findings = [leader, ...others].flatMap((r) => r.findings).sort(compareFindings);
  const errors = [
    ...leader.errors,
    ...others.flatMap((r) => r.errors.filter((e) => e.kind !== 'expired-exception')),
  ].sort(compareErrors);
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const r of [leader, ...others]) for (const s of SEVERITIES) bySeverity[s] += r.summary.bySeverity[s];
  const rules = new Map(leader.rules.map((r) => [r.id, r]));
  for (const r of others) for (const d of r.rules) if (!rules.has(d.id)) rules.set(d.id, d);
  const sum = (pick: (r: RunResult) => number) => [leader, ...others].reduce((n, r) => n + pick(r), 0);
  return {
    ...leader,
    findings,
    errors,
    summary: {
      files: sum((r) => r.summary.files),
      findings: sum((r) => r.summary.findings),
      suppressed: sum((r) => r.summary.suppressed),
      bySeverity,
      durationMs,
      ...(leader.summary.rendering ? { rendering: leader.summary.rendering } : {}),
    },
    rules: [...rules.values()].sort((a, b) => compareText(a.id, b.id)),
  };
}
