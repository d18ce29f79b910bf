import {
  type Finding,
  type RuleDescriptor,
  type ScanError,
  SEVERITIES,
  type Severity,
} from '@plumbline/core';
import type { OrgDatabase, ScanStatus } from '../db/database.js';
import {
  fixedIn,
  type HistoryFinding,
  meanDaysToFix,
  newIn,
  type RunHistory,
  runHistory,
} from '../db/history.js';

export interface ReportRepository {
  name: string;
  defaultBranch: string;
  headSha: string | null;
  status: ScanStatus;
  reason?: string;
  findings: number;
  bySeverity: Record<Severity, number>;
  /** Files that could not be scanned, and why. */
  errors: ScanError[];
}

export type ReportFinding = Finding & { repository: string; firstSeenAt: string };

/** Everything the reports show, read from the database once; the renderers are pure over it. */
export interface ReportData {
  org: string;
  runId: string;
  runAt: string;
  toolVersion: string;
  repositories: ReportRepository[];
  findings: ReportFinding[];
  rules: RuleDescriptor[];
  history: RunHistory[];
  newThisRun: HistoryFinding[];
  fixedThisRun: HistoryFinding[];
  meanDaysToFix: number | null;
}

export function loadReport(database: OrgDatabase, runId?: string): ReportData {
  const run = runId ? database.run(runId) : database.latestRun();
  if (!run) throw new Error(runId ? `no run ${runId} in the database` : 'the database holds no run yet');
  const stored = database.findingsOf(run.id);
  const findings: ReportFinding[] = stored.map((s) => ({
    ...s.finding,
    repository: s.repository,
    firstSeenAt: s.firstSeenAt,
  }));
  findings.sort(
    (a, b) =>
      compare(a.repository, b.repository) ||
      compare(a.file, b.file) ||
      a.startLine - b.startLine ||
      a.startColumn - b.startColumn ||
      compare(a.ruleId, b.ruleId) ||
      compare(a.fingerprint, b.fingerprint),
  );
  const byRepository = new Map<string, ReportFinding[]>();
  for (const f of findings) {
    const list = byRepository.get(f.repository);
    if (list) list.push(f);
    else byRepository.set(f.repository, [f]);
  }
  const branches = new Map(
    (
      database.db.prepare('SELECT name, default_branch FROM repositories').all() as {
        name: string;
        default_branch: string;
      }[]
    ).map((r) => [r.name, r.default_branch]),
  );
  const repositories = database.scansOf(run.id).map((scan): ReportRepository => {
    const own = byRepository.get(scan.repository) ?? [];
    const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
    for (const f of own) bySeverity[f.severity]++;
    const repo: ReportRepository = {
      name: scan.repository,
      defaultBranch: branches.get(scan.repository) ?? 'main',
      headSha: scan.headSha,
      status: scan.status,
      findings: own.length,
      bySeverity,
      errors: scan.errors,
    };
    if (scan.reason) repo.reason = scan.reason;
    return repo;
  });
  const db = database.db;
  return {
    org: run.org,
    runId: run.id,
    runAt: run.startedAt,
    toolVersion: run.toolVersion,
    repositories,
    findings,
    rules: database.rules(),
    history: runHistory(db),
    newThisRun: newIn(db, run.id),
    fixedThisRun: fixedIn(db, run.id),
    meanDaysToFix: meanDaysToFix(db),
  };
}

/** Code-unit order: the same on every machine, whatever its locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
