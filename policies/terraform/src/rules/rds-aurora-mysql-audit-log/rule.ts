import { defineRule } from '@plumbline/core';
import { stringList } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { isAuroraMysql } from '../../lib/rds-engines.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/rds-aurora-mysql-audit-log',
  domain: terraformDomain,
  meta: {
    title: 'Aurora MySQL cluster does not export its audit log',
    description:
      'An Aurora MySQL `aws_rds_cluster` exports logs to CloudWatch (`enabled_cloudwatch_logs_exports`) but not `audit`. Clusters that export nothing are reported by `terraform/rds-log-exports`.',
    rationale:
      'The audit log is the record of who connected and what they ran (with `server_audit_logging` on in the cluster parameter group); error and slow-query logs do not answer that after an incident. Low.',
    remediation:
      'Add `"audit"` to `enabled_cloudwatch_logs_exports` and set `server_audit_logging = 1` (with `server_audit_events`) in the cluster parameter group.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: ['CKV_AWS_325'],
    references: ['https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Auditing.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_rds_cluster" "shop" {\n  cluster_identifier              = "shop"\n  engine                          = "aurora-mysql"\n  enabled_cloudwatch_logs_exports = ["error", "slowquery"]\n}\n',
          errors: [{ line: 4, column: 3, endLine: 4, endColumn: 59 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_rds_cluster" "shop" {\n  cluster_identifier              = "shop"\n  engine                          = "aurora-mysql"\n  enabled_cloudwatch_logs_exports = ["audit", "error", "slowquery"]\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const c of module.resourcesOf('aws_rds_cluster')) {
      if (!isAuroraMysql(c)) continue;
      const a = c.attr('enabled_cloudwatch_logs_exports');
      const list = stringList(c.value('enabled_cloudwatch_logs_exports'));
      if (!a || !list || list.unknown || list.values.length === 0 || list.values.includes('audit')) continue;
      reportOn(ctx, c, a, `Aurora MySQL cluster ${nameOf(c)} does not export its audit log.`);
    }
  },
});
