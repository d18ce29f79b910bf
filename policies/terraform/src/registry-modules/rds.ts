import type { ModuleTable } from './table.js';

export const rds: ModuleTable = {
  source: 'terraform-aws-modules/rds/aws',
  repository: 'terraform-aws-modules/terraform-aws-rds',
  latest: '6.0.0',
  docs: [
    'https://registry.terraform.io/modules/terraform-aws-modules/rds/aws/latest?tab=inputs',
    'https://github.com/terraform-aws-modules/terraform-aws-rds/blob/master/docs/UPGRADE-3.0.md',
  ],
  inputs: [
    {
      rule: 'terraform/rds-instance-encryption',
      input: 'storage_encrypted',
      insecure: { equals: false },
      // v3.0.0 made encryption the default.
      defaults: [
        { until: '3.0.0', value: false },
        { from: '3.0.0', value: true },
      ],
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
      rule: 'terraform/rds-backup-retention',
      input: 'backup_retention_period',
      insecure: { below: 7 },
      consequence: 'automated backups are kept less than a week',
    },
  ],
};
