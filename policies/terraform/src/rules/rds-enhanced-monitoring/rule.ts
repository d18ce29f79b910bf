import { defineRule } from '@plumbline/core';
import { asNumber } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { isBurstableMicro } from '../../lib/rds-engines.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/rds-enhanced-monitoring',
  domain: terraformDomain,
  meta: {
    title: 'RDS instance has no Enhanced Monitoring',
    description:
      'An `aws_db_instance` or `aws_rds_cluster_instance` has no `monitoring_interval`, or sets it to 0. `micro` and `small` burstable classes are not reported.',
    rationale:
      'CloudWatch’s standard RDS metrics come from the hypervisor once a minute; Enhanced Monitoring adds per-process CPU, memory and I/O from the OS every few seconds, which is what tells a runaway query from a noisy neighbour or a swap storm during an incident. Low.',
    remediation:
      'Set `monitoring_interval = 60` (or less) and `monitoring_role_arn` to a role with `AmazonRDSEnhancedMonitoringRole`.',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    aliases: ['CKV_AWS_118'],
    references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "orders" {\n  identifier          = "orders"\n  instance_class      = "db.m7g.large"\n  monitoring_interval = 0\n}\n',
          errors: [{ line: 4, column: 3, endLine: 4, endColumn: 26 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "orders" {\n  identifier          = "orders"\n  instance_class      = "db.m7g.large"\n  monitoring_interval = 30\n  monitoring_role_arn = aws_iam_role.rds_monitoring.arn\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const r of module.resourcesOf('aws_db_instance', 'aws_rds_cluster_instance')) {
      if (isBurstableMicro(r)) continue;
      const a = r.attr('monitoring_interval');
      if (!a) reportOn(ctx, r, r.headerLoc, `Database ${nameOf(r)} has no Enhanced Monitoring.`);
      else if (asNumber(r.value('monitoring_interval')) === 0)
        reportOn(
          ctx,
          r,
          a,
          `Database ${nameOf(r)} turns Enhanced Monitoring off (\`monitoring_interval = 0\`).`,
        );
    }
  },
});
