import { defineRule } from '@plumbline/core';
import { asBool } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/rds-auto-minor-upgrade',
  domain: terraformDomain,
  meta: {
    title: 'RDS instance does not take minor version upgrades',
    description:
      'An `aws_db_instance` or `aws_rds_cluster_instance` sets `auto_minor_version_upgrade = false` (the default is true).',
    rationale:
      'Minor versions of database engines carry the security fixes; with automatic upgrades off, instances stay on vulnerable versions until someone remembers, and AWS eventually forces the upgrade at a time you did not choose. Low: some teams upgrade deliberately through their pipeline instead.',
    remediation:
      'Remove `auto_minor_version_upgrade = false`, or make sure a scheduled process bumps `engine_version`.',
    category: 'security',
    severity: 'low',
    confidence: 'medium',
    aliases: ['CKV_AWS_226'],
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "orders" {\n  identifier                 = "orders"\n  engine                     = "postgres"\n  auto_minor_version_upgrade = false\n}\n',
          errors: [{ line: 4, column: 3, endLine: 4, endColumn: 37 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "orders" {\n  identifier                 = "orders"\n  engine                     = "postgres"\n  auto_minor_version_upgrade = true\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const r of module.resourcesOf('aws_db_instance', 'aws_rds_cluster_instance')) {
      const a = r.attr('auto_minor_version_upgrade');
      if (a && asBool(r.value('auto_minor_version_upgrade')) === false)
        reportOn(ctx, r, a, `Database ${nameOf(r)} does not take minor version upgrades automatically.`);
    }
  },
});
