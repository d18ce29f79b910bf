import { defineRule } from '@plumbline/core';
import { asNumber } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/rds-backup-retention',
  domain: terraformDomain,
  meta: {
    title: 'RDS automated backups are off or short',
    description:
      'An `aws_db_instance` or `aws_rds_cluster` sets `backup_retention_period` below 7 days (0 turns automated backups off). Read replicas are not reported.',
    rationale:
      'Automated backups are what point-in-time recovery restores from; with 0 days there is nothing to restore after a bad migration or a ransomware attack, and 1–6 days often ends before the problem is noticed. Medium.',
    remediation: 'Set `backup_retention_period` to 7 days or more (35 is the maximum).',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: ['CKV_AWS_133', 'AWS-0077'],
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "db" {\n  engine                  = "postgres"\n  backup_retention_period = 0\n}\n',
          errors: [{ line: 3, column: 3, endLine: 3, endColumn: 30 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "db" {\n  engine                  = "postgres"\n  backup_retention_period = 14\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/rds-backup-retention');
    for (const r of module.resourcesOf('aws_db_instance', 'aws_rds_cluster')) {
      if (r.has('replicate_source_db')) continue;
      const a = r.attr('backup_retention_period');
      const n = asNumber(r.value('backup_retention_period'));
      if (!a || n === undefined || n >= 7) continue;
      reportOn(
        ctx,
        r,
        a,
        n === 0
          ? `${nameOf(r)} turns automated backups off (\`backup_retention_period = 0\`).`
          : `${nameOf(r)} keeps backups for only ${n} day(s).`,
      );
    }
  },
});
