import type { Database } from 'better-sqlite3';
import { prepared } from './prepared.js';

/**
 * Derives first-seen, last-seen and fixed-at of a repository's findings from what is stored
 * (successful scans and the findings each observed), so an incremental run and a merge of shard
 * databases give the same answer. A finding is fixed by the first successful scan after the last
 * one that saw it; when it comes back, it is open again.
 */
export function recomputeLifecycle(db: Database, repository: string): void {
  const scans = prepared(
    db,
    `SELECT run_id, scanned_at FROM scans WHERE repository = ? AND status IN ('scanned', 'unchanged')
       ORDER BY scanned_at, run_id`,
  ).all(repository) as { run_id: string; scanned_at: string }[];
  const order = new Map(scans.map((s, i) => [s.run_id, i]));
  const seen = prepared(db, 'SELECT run_id, fingerprint FROM observations WHERE repository = ?').all(
    repository,
  ) as { run_id: string; fingerprint: string }[];
  const byFingerprint = new Map<string, number[]>();
  for (const o of seen) {
    const at = order.get(o.run_id);
    if (at === undefined) continue;
    byFingerprint.set(o.fingerprint, [...(byFingerprint.get(o.fingerprint) ?? []), at]);
  }
  const update = prepared(
    db,
    `UPDATE findings SET first_seen_run = ?, first_seen_at = ?, last_seen_run = ?, last_seen_at = ?,
       fixed_run = ?, fixed_at = ? WHERE repository = ? AND fingerprint = ?`,
  );
  const fingerprints = prepared(db, 'SELECT fingerprint FROM findings WHERE repository = ?').all(
    repository,
  ) as {
    fingerprint: string;
  }[];
  for (const { fingerprint } of fingerprints) {
    const at = byFingerprint.get(fingerprint);
    if (!at?.length) {
      prepared(db, 'DELETE FROM findings WHERE repository = ? AND fingerprint = ?').run(
        repository,
        fingerprint,
      );
      continue;
    }
    const first = scans[Math.min(...at)]!;
    const lastIndex = Math.max(...at);
    const last = scans[lastIndex]!;
    const fixed = scans[lastIndex + 1];
    update.run(
      first.run_id,
      first.scanned_at,
      last.run_id,
      last.scanned_at,
      fixed?.run_id ?? null,
      fixed?.scanned_at ?? null,
      repository,
      fingerprint,
    );
  }
}
