import type { TfResource } from '@plumbline/lang-hcl';

/** A read replica or a restore: encryption and backups come from the source. */
export function inheritsFromSource(r: TfResource): boolean {
  return [
    'replicate_source_db',
    'snapshot_identifier',
    'replication_source_identifier',
    's3_import',
    'restore_to_point_in_time',
  ].some((a) => r.has(a) || r.hasBlock(a));
}
