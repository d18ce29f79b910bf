import type { Finding, RuleDescriptor, ScanError } from '@plumbline/core';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { recomputeLifecycle } from './lifecycle.js';
import { migrate } from './migrations.js';
import { prepared } from './prepared.js';

export type ScanStatus = 'scanned' | 'unchanged' | 'failed';

export interface RunInfo {
  id: string;
  org: string;
  startedAt: string;
  finishedAt: string | null;
  toolVersion: string;
  configHash: string;
}

export interface ScanRecord {
  runId: string;
  repository: string;
  headSha: string | null;
  status: ScanStatus;
  reason?: string;
  toolVersion: string;
  configHash: string;
  scannedAt: string;
  files: number;
  errors: ScanError[];
}

export interface RepositoryInfo {
  name: string;
  defaultBranch: string;
  fork: boolean;
  archived: boolean;
}

/** The history database: one file, opened (and migrated) once per command. */
export class OrgDatabase {
  readonly db: Database;
  /** Rule descriptors already stored, so each repository does not write them again. */
  private readonly knownRules = new Map<string, string>();

  constructor(file: string, options: { readonly?: boolean } = {}) {
    this.db = new BetterSqlite3(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    });
    if (!options.readonly) {
      // WAL: each repository's results are committed as it completes, cheaply, and survive a kill.
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      migrate(this.db);
    }
  }

  close(): void {
    this.db.close();
  }

  /** Starts a run, or returns the unfinished one of this org and shard (a killed run continues). */
  openRun(options: {
    org: string;
    shard: string;
    runId?: string;
    now: string;
    toolVersion: string;
    configHash: string;
    newId: () => string;
  }): { run: RunInfo; resumed: boolean } {
    let id = options.runId;
    if (!id) {
      const unfinished = prepared(
        this.db,
        `SELECT r.id FROM runs r JOIN run_shards s ON s.run_id = r.id
           WHERE r.org = ? AND s.shard = ? AND s.finished_at IS NULL
             AND r.tool_version = ? AND r.config_hash = ?
           ORDER BY s.started_at DESC LIMIT 1`,
      ).get(options.org, options.shard, options.toolVersion, options.configHash) as
        | { id: string }
        | undefined;
      id = unfinished?.id;
    }
    const resumed =
      id !== undefined &&
      prepared(this.db, 'SELECT 1 FROM run_shards WHERE run_id = ? AND shard = ?').get(id, options.shard) !==
        undefined;
    id ??= options.newId();
    prepared(
      this.db,
      `INSERT INTO runs (id, org, started_at, tool_version, config_hash) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO NOTHING`,
    ).run(id, options.org, options.now, options.toolVersion, options.configHash);
    prepared(
      this.db,
      `INSERT INTO run_shards (run_id, shard, started_at) VALUES (?, ?, ?)
         ON CONFLICT (run_id, shard) DO UPDATE SET finished_at = NULL`,
    ).run(id, options.shard, options.now);
    return { run: this.run(id)!, resumed };
  }

  finishRun(runId: string, shard: string, now: string): void {
    this.db.transaction(() => {
      prepared(this.db, 'UPDATE run_shards SET finished_at = ? WHERE run_id = ? AND shard = ?').run(
        now,
        runId,
        shard,
      );
      prepared(
        this.db,
        `UPDATE runs SET finished_at = ? WHERE id = ?
           AND NOT EXISTS (SELECT 1 FROM run_shards WHERE run_id = ? AND finished_at IS NULL)`,
      ).run(now, runId, runId);
    })();
  }

  run(id: string): RunInfo | undefined {
    const row = prepared(this.db, 'SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
    return row && runOf(row);
  }

  /** Runs oldest first. */
  runs(): RunInfo[] {
    return (prepared(this.db, 'SELECT * FROM runs ORDER BY started_at, id').all() as RunRow[]).map(runOf);
  }

  latestRun(): RunInfo | undefined {
    return this.runs().at(-1);
  }

  /** Repositories this run has already recorded (a resumed run skips them). */
  recordedIn(runId: string): Set<string> {
    const rows = prepared(this.db, 'SELECT repository FROM scans WHERE run_id = ?').all(runId) as {
      repository: string;
    }[];
    return new Set(rows.map((r) => r.repository));
  }

  /** The last scan of a repository that produced findings (scanned or unchanged), in another run. */
  lastSuccessfulScan(repository: string, exceptRun: string): ScanRecord | undefined {
    const row = prepared(
      this.db,
      `SELECT * FROM scans WHERE repository = ? AND run_id <> ? AND status IN ('scanned', 'unchanged')
         ORDER BY scanned_at DESC LIMIT 1`,
    ).get(repository, exceptRun) as ScanRow | undefined;
    return row && scanOf(row);
  }

  scansOf(runId: string): ScanRecord[] {
    return (
      prepared(this.db, 'SELECT * FROM scans WHERE run_id = ? ORDER BY repository').all(runId) as ScanRow[]
    ).map(scanOf);
  }

  /**
   * Stores one repository's outcome in a single transaction: the scan, its findings (scanned), the
   * previous findings carried over (unchanged), and the first/last-seen and fixed dates.
   */
  recordScan(
    scan: ScanRecord,
    repository: RepositoryInfo,
    findings: Finding[] = [],
    rules: RuleDescriptor[] = [],
  ): void {
    this.db.transaction(() => {
      prepared(
        this.db,
        `INSERT INTO repositories (name, default_branch, fork, archived) VALUES (?, ?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET default_branch = excluded.default_branch,
             fork = excluded.fork, archived = excluded.archived`,
      ).run(repository.name, repository.defaultBranch, +repository.fork, +repository.archived);
      const previous =
        scan.status === 'unchanged' ? this.lastSuccessfulScan(scan.repository, scan.runId) : undefined;
      prepared(
        this.db,
        `INSERT OR REPLACE INTO scans (run_id, repository, head_sha, status, reason, tool_version,
             config_hash, scanned_at, files, errors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        scan.runId,
        scan.repository,
        scan.headSha,
        scan.status,
        scan.reason ?? null,
        scan.toolVersion,
        scan.configHash,
        scan.scannedAt,
        scan.files,
        JSON.stringify(scan.errors),
      );
      prepared(this.db, 'DELETE FROM observations WHERE run_id = ? AND repository = ?').run(
        scan.runId,
        scan.repository,
      );
      if (scan.status === 'scanned') {
        const upsert = prepared(
          this.db,
          `INSERT INTO findings (repository, fingerprint, rule_id, severity, data) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (repository, fingerprint) DO UPDATE SET rule_id = excluded.rule_id,
             severity = excluded.severity, data = excluded.data`,
        );
        const observe = prepared(
          this.db,
          'INSERT OR IGNORE INTO observations (run_id, repository, fingerprint) VALUES (?, ?, ?)',
        );
        for (const finding of findings) {
          upsert.run(
            scan.repository,
            finding.fingerprint,
            finding.ruleId,
            finding.severity,
            JSON.stringify(finding),
          );
          observe.run(scan.runId, scan.repository, finding.fingerprint);
        }
        const rule = prepared(this.db, 'INSERT OR REPLACE INTO rules (id, data) VALUES (?, ?)');
        for (const descriptor of rules) {
          const data = JSON.stringify(descriptor);
          if (this.knownRules.get(descriptor.id) === data) continue;
          rule.run(descriptor.id, data);
          this.knownRules.set(descriptor.id, data);
        }
      } else if (scan.status === 'unchanged' && previous) {
        prepared(
          this.db,
          `INSERT OR IGNORE INTO observations (run_id, repository, fingerprint)
             SELECT ?, repository, fingerprint FROM observations WHERE run_id = ? AND repository = ?`,
        ).run(scan.runId, previous.runId, scan.repository);
      }
      recomputeLifecycle(this.db, scan.repository);
    })();
  }

  /** The findings a run observed (for unchanged repositories: carried over from their last scan). */
  findingsOf(runId: string): StoredFinding[] {
    const rows = prepared(
      this.db,
      `SELECT f.repository, f.data, f.first_seen_run, f.first_seen_at, f.fixed_at
         FROM observations o JOIN findings f ON f.repository = o.repository AND f.fingerprint = o.fingerprint
         WHERE o.run_id = ? ORDER BY f.repository, f.fingerprint`,
    ).all(runId) as { repository: string; data: string; first_seen_run: string; first_seen_at: string }[];
    return rows.map((r) => ({
      repository: r.repository,
      finding: JSON.parse(r.data) as Finding,
      firstSeenRun: r.first_seen_run,
      firstSeenAt: r.first_seen_at,
    }));
  }

  rules(): RuleDescriptor[] {
    return (prepared(this.db, 'SELECT data FROM rules ORDER BY id').all() as { data: string }[]).map(
      (r) => JSON.parse(r.data) as RuleDescriptor,
    );
  }
}

export interface StoredFinding {
  repository: string;
  finding: Finding;
  firstSeenRun: string;
  firstSeenAt: string;
}

interface RunRow {
  id: string;
  org: string;
  started_at: string;
  finished_at: string | null;
  tool_version: string;
  config_hash: string;
}

interface ScanRow {
  run_id: string;
  repository: string;
  head_sha: string | null;
  status: ScanStatus;
  reason: string | null;
  tool_version: string;
  config_hash: string;
  scanned_at: string;
  files: number;
  errors: string;
}

function runOf(row: RunRow): RunInfo {
  return {
    id: row.id,
    org: row.org,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    toolVersion: row.tool_version,
    configHash: row.config_hash,
  };
}

function scanOf(row: ScanRow): ScanRecord {
  const scan: ScanRecord = {
    runId: row.run_id,
    repository: row.repository,
    headSha: row.head_sha,
    status: row.status,
    toolVersion: row.tool_version,
    configHash: row.config_hash,
    scannedAt: row.scanned_at,
    files: row.files,
    errors: JSON.parse(row.errors) as ScanError[],
  };
  if (row.reason) scan.reason = row.reason;
  return scan;
}
