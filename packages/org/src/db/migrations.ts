import type { Database } from 'better-sqlite3';

/**
 * Schema changes, in order; `PRAGMA user_version` records how many ran. Never edit a shipped
 * step: add the next one, so databases kept as workflow artifacts upgrade in place.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE runs (
     id TEXT PRIMARY KEY,
     org TEXT NOT NULL,
     started_at TEXT NOT NULL,
     finished_at TEXT,
     tool_version TEXT NOT NULL,
     config_hash TEXT NOT NULL
   );
   CREATE TABLE run_shards (
     run_id TEXT NOT NULL REFERENCES runs(id),
     shard TEXT NOT NULL,
     started_at TEXT NOT NULL,
     finished_at TEXT,
     PRIMARY KEY (run_id, shard)
   );
   CREATE TABLE repositories (
     name TEXT PRIMARY KEY,
     default_branch TEXT NOT NULL,
     fork INTEGER NOT NULL,
     archived INTEGER NOT NULL
   );
   CREATE TABLE scans (
     run_id TEXT NOT NULL REFERENCES runs(id),
     repository TEXT NOT NULL,
     head_sha TEXT,
     status TEXT NOT NULL CHECK (status IN ('scanned', 'unchanged', 'failed')),
     reason TEXT,
     tool_version TEXT NOT NULL,
     config_hash TEXT NOT NULL,
     scanned_at TEXT NOT NULL,
     files INTEGER NOT NULL DEFAULT 0,
     errors TEXT NOT NULL DEFAULT '[]',
     PRIMARY KEY (run_id, repository)
   );
   CREATE INDEX scans_by_repository ON scans (repository, scanned_at);
   CREATE TABLE findings (
     repository TEXT NOT NULL,
     fingerprint TEXT NOT NULL,
     rule_id TEXT NOT NULL,
     severity TEXT NOT NULL,
     data TEXT NOT NULL,
     first_seen_run TEXT,
     first_seen_at TEXT,
     last_seen_run TEXT,
     last_seen_at TEXT,
     fixed_run TEXT,
     fixed_at TEXT,
     PRIMARY KEY (repository, fingerprint)
   );
   CREATE TABLE observations (
     run_id TEXT NOT NULL,
     repository TEXT NOT NULL,
     fingerprint TEXT NOT NULL,
     PRIMARY KEY (run_id, repository, fingerprint)
   );
   CREATE INDEX observations_by_repository ON observations (repository, fingerprint);
   CREATE TABLE rules (
     id TEXT PRIMARY KEY,
     data TEXT NOT NULL
   );`,
];

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Runs the steps this database has not seen yet, each in its own transaction. */
export function migrate(db: Database): void {
  const current = schemaVersion(db);
  if (current > MIGRATIONS.length)
    throw new Error(
      `database schema version ${current} is newer than this Plumbline knows (${MIGRATIONS.length}): upgrade Plumbline`,
    );
  for (let step = current; step < MIGRATIONS.length; step++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[step]!);
      db.pragma(`user_version = ${step + 1}`);
    })();
  }
}
