import { SEVERITIES, type Severity } from '@plumbline/core';
import type { Database } from 'better-sqlite3';

export type SeverityCounts = Record<Severity, number>;

export interface RunHistory {
  runId: string;
  at: string;
  /** Open findings the run observed, by severity. */
  bySeverity: SeverityCounts;
  /** Findings first seen in this run. */
  new: number;
  /** Findings this run found gone. */
  fixed: number;
}

export interface HistoryFinding {
  repository: string;
  fingerprint: string;
  ruleId: string;
  severity: Severity;
  firstSeenAt: string;
  fixedAt: string | null;
}

const zero = (): SeverityCounts => Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as SeverityCounts;

/** Every run, oldest first, with its open findings by severity and how many were new and fixed. */
export function runHistory(db: Database): RunHistory[] {
  const runs = db.prepare('SELECT id, started_at FROM runs ORDER BY started_at, id').all() as {
    id: string;
    started_at: string;
  }[];
  const open = db
    .prepare(
      `SELECT o.run_id, f.severity, count(*) AS n FROM observations o
       JOIN findings f ON f.repository = o.repository AND f.fingerprint = o.fingerprint
       GROUP BY o.run_id, f.severity`,
    )
    .all() as { run_id: string; severity: Severity; n: number }[];
  const fresh = db
    .prepare('SELECT first_seen_run AS run_id, count(*) AS n FROM findings GROUP BY first_seen_run')
    .all() as { run_id: string; n: number }[];
  const fixed = db
    .prepare(
      'SELECT fixed_run AS run_id, count(*) AS n FROM findings WHERE fixed_run IS NOT NULL GROUP BY fixed_run',
    )
    .all() as { run_id: string; n: number }[];
  return runs.map((run) => {
    const bySeverity = zero();
    for (const row of open) if (row.run_id === run.id) bySeverity[row.severity] += row.n;
    return {
      runId: run.id,
      at: run.started_at,
      bySeverity,
      new: fresh.find((r) => r.run_id === run.id)?.n ?? 0,
      fixed: fixed.find((r) => r.run_id === run.id)?.n ?? 0,
    };
  });
}

function findingsWhere(db: Database, where: string, ...params: unknown[]): HistoryFinding[] {
  return (
    db
      .prepare(
        `SELECT repository, fingerprint, rule_id, severity, first_seen_at, fixed_at FROM findings
         WHERE ${where} ORDER BY repository, rule_id, fingerprint`,
      )
      .all(...params) as {
      repository: string;
      fingerprint: string;
      rule_id: string;
      severity: Severity;
      first_seen_at: string;
      fixed_at: string | null;
    }[]
  ).map((r) => ({
    repository: r.repository,
    fingerprint: r.fingerprint,
    ruleId: r.rule_id,
    severity: r.severity,
    firstSeenAt: r.first_seen_at,
    fixedAt: r.fixed_at,
  }));
}

/** Findings that appeared for the first time in this run ("new this week"). */
export function newIn(db: Database, runId: string): HistoryFinding[] {
  return findingsWhere(db, 'first_seen_run = ?', runId);
}

/** Findings this run no longer saw ("fixed this week"). */
export function fixedIn(db: Database, runId: string): HistoryFinding[] {
  return findingsWhere(db, 'fixed_run = ?', runId);
}

/** Mean days from first seen to fixed, over every fixed finding; null when none was fixed. */
export function meanDaysToFix(db: Database): number | null {
  const row = db
    .prepare(
      `SELECT avg(julianday(fixed_at) - julianday(first_seen_at)) AS days FROM findings WHERE fixed_at IS NOT NULL`,
    )
    .get() as { days: number | null };
  return row.days === null ? null : Math.round(row.days * 10) / 10;
}

/** Open findings per rule in each run: the per-rule trend. */
export function ruleTrend(db: Database): { runId: string; ruleId: string; count: number }[] {
  return (
    db
      .prepare(
        `SELECT o.run_id, f.rule_id, count(*) AS n FROM observations o
         JOIN findings f ON f.repository = o.repository AND f.fingerprint = o.fingerprint
         GROUP BY o.run_id, f.rule_id ORDER BY o.run_id, f.rule_id`,
      )
      .all() as { run_id: string; rule_id: string; n: number }[]
  ).map((r) => ({ runId: r.run_id, ruleId: r.rule_id, count: r.n }));
}
