import { OrgDatabase } from './database.js';
import { recomputeLifecycle } from './lifecycle.js';

/**
 * Combines shard databases into `target` (created when missing). Rows are keyed by run id,
 * repository and fingerprint, so merging a database twice, or overlapping ones, adds nothing twice.
 */
export function mergeDatabases(
  target: string,
  sources: readonly string[],
): { runs: number; repositories: number } {
  const into = new OrgDatabase(target);
  try {
    for (const source of sources) {
      // Opening migrates an older shard database to the current schema before it is read.
      new OrgDatabase(source).close();
      into.db.prepare('ATTACH DATABASE ? AS src').run(source);
      try {
        into.db.transaction(() => {
          into.db.exec(`
            INSERT INTO runs (id, org, started_at, finished_at, tool_version, config_hash)
              SELECT id, org, started_at, finished_at, tool_version, config_hash FROM src.runs WHERE true
              ON CONFLICT (id) DO UPDATE SET started_at = min(started_at, excluded.started_at);
            INSERT INTO run_shards (run_id, shard, started_at, finished_at)
              SELECT run_id, shard, started_at, finished_at FROM src.run_shards WHERE true
              ON CONFLICT (run_id, shard) DO UPDATE SET finished_at = coalesce(excluded.finished_at, finished_at);
            INSERT OR REPLACE INTO repositories SELECT * FROM src.repositories;
            INSERT INTO scans SELECT * FROM src.scans WHERE true
              ON CONFLICT (run_id, repository) DO UPDATE SET head_sha = excluded.head_sha, status = excluded.status,
                reason = excluded.reason, tool_version = excluded.tool_version, config_hash = excluded.config_hash,
                scanned_at = excluded.scanned_at, files = excluded.files, errors = excluded.errors
              WHERE excluded.scanned_at > scanned_at;
            INSERT INTO findings (repository, fingerprint, rule_id, severity, data)
              SELECT repository, fingerprint, rule_id, severity, data FROM src.findings WHERE true
              ON CONFLICT (repository, fingerprint) DO NOTHING;
            INSERT OR IGNORE INTO observations SELECT * FROM src.observations;
            INSERT OR IGNORE INTO rules SELECT * FROM src.rules;
          `);
        })();
      } finally {
        into.db.exec('DETACH DATABASE src');
      }
    }
    into.db.transaction(() => {
      // A run is finished once every shard that took part finished.
      into.db.exec(`UPDATE runs SET finished_at = (SELECT max(finished_at) FROM run_shards WHERE run_id = runs.id)
        WHERE NOT EXISTS (SELECT 1 FROM run_shards WHERE run_id = runs.id AND finished_at IS NULL)`);
      const names = into.db.prepare('SELECT name FROM repositories').all() as { name: string }[];
      for (const { name } of names) recomputeLifecycle(into.db, name);
    })();
    return {
      runs: (into.db.prepare('SELECT count(*) AS n FROM runs').get() as { n: number }).n,
      repositories: (into.db.prepare('SELECT count(*) AS n FROM repositories').get() as { n: number }).n,
    };
  } finally {
    into.close();
  }
}
