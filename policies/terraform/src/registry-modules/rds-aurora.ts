import type { ModuleTable } from './table.js';

/**
 * terraform-aws-modules/rds-aurora/aws. v6 replaced `replica_count` with the `instances` map and
 * set most defaults to null (the provider's); v10 moved the instance settings into `instances`
 * only and turned `copy_tags_to_snapshot` on.
 */
export const rdsAurora: ModuleTable = {
  source: 'terraform-aws-modules/rds-aurora/aws',
  repository: 'terraform-aws-modules/terraform-aws-rds-aurora',
  latest: '10.0.0',
  docs: [
    'https://registry.terraform.io/modules/terraform-aws-modules/rds-aurora/aws/latest?tab=inputs',
    'variables.tf of v7 (storage_encrypted = true, deletion_protection = null, publicly_accessible = null, backup_retention_period = 7, copy_tags_to_snapshot = null); v2-v5 variables also default storage_encrypted to true',
    'https://github.com/terraform-aws-modules/terraform-aws-rds-aurora/blob/master/docs/UPGRADE-6.0.md (defaults set to null, instances map)',
    'https://github.com/terraform-aws-modules/terraform-aws-rds-aurora/blob/master/docs/UPGRADE-10.0.md (instance inputs only inside instances; copy_tags_to_snapshot default true)',
  ],
  inputs: [
    {
      rule: 'terraform/rds-cluster-encryption',
      input: 'storage_encrypted',
      insecure: { equals: false },
      defaults: [{ value: true }],
      consequence: 'the cluster storage is not encrypted',
    },
    {
      rule: 'terraform/rds-public-access',
      input: 'publicly_accessible',
      versions: { until: '10.0.0' },
      insecure: { equals: true },
      consequence: 'the cluster instances get public addresses',
    },
    {
      rule: 'terraform/rds-public-access',
      input: 'instances',
      insecure: { some: { field: 'publicly_accessible', is: { equals: true } } },
      consequence: 'a cluster instance gets a public address',
    },
    {
      rule: 'terraform/rds-deletion-protection',
      input: 'deletion_protection',
      insecure: { equals: false },
      // null since v6: the provider's false.
      defaults: [{ from: '6.0.0', value: false }],
      consequence: 'one apply can delete the cluster',
    },
    {
      rule: 'terraform/rds-copy-tags-to-snapshot',
      input: 'copy_tags_to_snapshot',
      insecure: { equals: false },
      defaults: [
        { from: '6.0.0', until: '10.0.0', value: false },
        { from: '10.0.0', value: true },
      ],
      consequence: 'snapshots lose the tags that say whose data they hold',
    },
    {
      rule: 'terraform/rds-backup-retention',
      input: 'backup_retention_period',
      insecure: { below: 7 },
      consequence: 'automated backups are kept less than a week',
    },
  ],
};
