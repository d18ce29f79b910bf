import { defineRule } from '@plumbline/core';
import { asBool } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { isAwsManagedKey } from '../../lib/kms.js';
import { inheritsFromSource } from '../../lib/rds.js';
import { isAuroraInstance } from '../../lib/rds-engines.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/rds-kms-cmk',
  domain: terraformDomain,
  meta: {
    title: 'RDS storage is encrypted with the AWS-managed key',
    description:
      'An encrypted `aws_rds_cluster` or `aws_db_instance` (`storage_encrypted = true`) has no `kms_key_id`, or uses `alias/aws/rds`. Unencrypted databases are reported by the encryption rules; replicas and restores keep their source’s key and are not reported.',
    rationale:
      'Snapshots encrypted with the AWS-managed RDS key cannot be shared with another account (for backups in a separate account or a migration), and the key policy cannot be narrowed. The key can only be chosen at creation. Low: the data is encrypted either way.',
    remediation: 'Set `kms_key_id = aws_kms_key.rds.arn` when creating the database.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: ['CKV_AWS_327'],
    references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.Keys.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_rds_cluster" "orders" {\n  cluster_identifier = "orders"\n  engine             = "aurora-postgresql"\n  storage_encrypted  = true\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 36 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_rds_cluster" "orders" {\n  cluster_identifier = "orders"\n  engine             = "aurora-postgresql"\n  storage_encrypted  = true\n  kms_key_id         = aws_kms_key.rds.arn\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const r of module.resourcesOf('aws_rds_cluster', 'aws_db_instance')) {
      if (inheritsFromSource(r) || (r.resourceType === 'aws_db_instance' && isAuroraInstance(r))) continue;
      if (asBool(r.value('storage_encrypted')) !== true) continue;
      const key = r.attr('kms_key_id');
      if (!key)
        reportOn(ctx, r, r.headerLoc, `Database ${nameOf(r)} is encrypted with the AWS-managed RDS key.`);
      else if (isAwsManagedKey(r.value('kms_key_id')))
        reportOn(ctx, r, key, `Database ${nameOf(r)} is encrypted with the AWS-managed RDS key.`);
    }
  },
});
