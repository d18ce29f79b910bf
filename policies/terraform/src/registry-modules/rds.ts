import type { ModuleTable } from './table.js';

export const rds: ModuleTable = {
  source: 'terraform-aws-modules/rds/aws',
  repository: 'terraform-aws-modules/terraform-aws-rds',
  latest: '7.0.0',
  docs: [
    'https://registry.terraform.io/modules/terraform-aws-modules/rds/aws/latest?tab=inputs',
    'https://github.com/terraform-aws-modules/terraform-aws-rds/blob/master/UPGRADE-4.0.md (storage_encrypted default false -> true in v4.0.0; there is no UPGRADE-3.0)',
    'https://github.com/terraform-aws-modules/terraform-aws-rds/blob/master/docs/UPGRADE-7.0.md (copy_tags_to_snapshot default false -> true in v7.0.0)',
    'variables.tf of v4: publicly_accessible = false, deletion_protection = false, backup_retention_period = null',
  ],
  inputs: [
    {
      rule: 'terraform/rds-instance-encryption',
      input: 'storage_encrypted',
      insecure: { equals: false },
      // v4.0.0 made encryption the default (issue #279 declined it for v2/v3; PR #369 did it).
      defaults: [
        { until: '4.0.0', value: false },
        { from: '4.0.0', value: true },
      ],
      // A read replica takes its encryption from the source (the rule skips such instances too).
      when: { input: 'replicate_source_db', is: { empty: true }, defaults: [{ value: null }] },
      consequence: 'the database storage is not encrypted',
    },
    {
      rule: 'terraform/rds-public-access',
      input: 'publicly_accessible',
      insecure: { equals: true },
      defaults: [{ value: false }],
      consequence: 'the database gets a public address',
    },
    {
      rule: 'terraform/rds-deletion-protection',
      input: 'deletion_protection',
      insecure: { equals: false },
      defaults: [{ value: false }],
      consequence: 'one apply can delete the database',
    },
    {
      rule: 'terraform/rds-copy-tags-to-snapshot',
      input: 'copy_tags_to_snapshot',
      insecure: { equals: false },
      defaults: [
        { until: '7.0.0', value: false },
        { from: '7.0.0', value: true },
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
