import { defineRule } from '@plumbline/core';
import { asList } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { isAuroraInstance } from '../../lib/rds-engines.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/rds-log-exports',
  domain: terraformDomain,
  meta: {
    title: 'RDS database does not export its logs to CloudWatch',
    description:
      'An `aws_db_instance` or `aws_rds_cluster` has no `enabled_cloudwatch_logs_exports` (or an empty list). Aurora member instances, whose logs are set on the cluster, are not reported.',
    rationale:
      'Without exports, error, slow-query and audit logs stay on the instance for a few days and disappear with it; they cannot be searched, alarmed on or kept for an investigation. Low.',
    remediation:
      'Set `enabled_cloudwatch_logs_exports` (for example `["postgresql", "upgrade"]`, `["audit", "error", "slowquery"]` for MySQL) and a retention on the created log groups.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: ['CKV_AWS_129', 'CKV_AWS_324'],
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_rds_cluster" "orders" {\n  cluster_identifier = "orders"\n  engine             = "aurora-postgresql"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 36 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_rds_cluster" "orders" {\n  cluster_identifier              = "orders"\n  engine                          = "aurora-postgresql"\n  enabled_cloudwatch_logs_exports = ["postgresql"]\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const r of module.resourcesOf('aws_db_instance', 'aws_rds_cluster')) {
      if (r.resourceType === 'aws_db_instance' && isAuroraInstance(r)) continue;
      const a = r.attr('enabled_cloudwatch_logs_exports');
      if (!a) reportOn(ctx, r, r.headerLoc, `Database ${nameOf(r)} does not export its logs to CloudWatch.`);
      else if (asList(r.value('enabled_cloudwatch_logs_exports'))?.length === 0)
        reportOn(ctx, r, a, `Database ${nameOf(r)} exports no logs to CloudWatch.`);
    }
  },
});
