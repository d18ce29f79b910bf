import { defineRule } from '@plumbline/core';
import { asBool } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { isAwsManagedKey } from '../../lib/kms.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/rds-performance-insights-kms',
  domain: terraformDomain,
  meta: {
    title: 'Performance Insights data is not encrypted with a customer-managed key',
    description:
      'A database with `performance_insights_enabled = true` has no `performance_insights_kms_key_id` (or uses `alias/aws/rds`).',
    rationale:
      'Performance Insights stores the text of the top SQL statements, which can include literal values such as e-mail addresses or tokens. With the AWS-managed key anyone with `pi:*` read access sees them; a customer-managed key adds a separate permission. Low.',
    remediation:
      'Set `performance_insights_kms_key_id = aws_kms_key.rds.arn` (it cannot be changed once set).',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: ['CKV_AWS_354', 'AWS-0078'],
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.access-control.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "orders" {\n  identifier                   = "orders"\n  engine                       = "postgres"\n  performance_insights_enabled = true\n}\n',
          errors: [{ line: 4, column: 3, endLine: 4, endColumn: 38 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "orders" {\n  identifier                      = "orders"\n  engine                          = "postgres"\n  performance_insights_enabled    = true\n  performance_insights_kms_key_id = aws_kms_key.rds.arn\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const r of module.resourcesOf('aws_db_instance', 'aws_rds_cluster_instance', 'aws_rds_cluster')) {
      const on = r.attr('performance_insights_enabled');
      if (!on || asBool(r.value('performance_insights_enabled')) !== true) continue;
      const key = r.attr('performance_insights_kms_key_id');
      if (!key)
        reportOn(ctx, r, on, `${nameOf(r)} keeps Performance Insights data under the AWS-managed key.`);
      else if (isAwsManagedKey(r.value('performance_insights_kms_key_id')))
        reportOn(ctx, r, key, `${nameOf(r)} keeps Performance Insights data under the AWS-managed key.`);
    }
  },
});
