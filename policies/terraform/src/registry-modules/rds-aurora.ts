import type { ModuleTable } from './table.js';

export const rdsAurora: ModuleTable = {
  source: 'terraform-aws-modules/rds-aurora/aws',
  repository: 'terraform-aws-modules/terraform-aws-rds-aurora',
  latest: '9.0.0',
  docs: ['https://registry.terraform.io/modules/terraform-aws-modules/rds-aurora/aws/latest?tab=inputs'],
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
      insecure: { equals: true },
      consequence: 'the cluster instances get public addresses',
    },
    {
      rule: 'terraform/rds-deletion-protection',
      input: 'deletion_protection',
      insecure: { equals: false },
      consequence: 'one apply can delete the cluster',
    },
    {
      rule: 'terraform/rds-backup-retention',
      input: 'backup_retention_period',
      insecure: { below: 7 },
      consequence: 'automated backups are kept less than a week',
    },
  ],
};
