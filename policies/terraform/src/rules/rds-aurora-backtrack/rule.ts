import { defineRule } from '@plumbline/core';
import { asNumber, asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { isAuroraMysql } from '../../lib/rds-engines.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/rds-aurora-backtrack',
  domain: terraformDomain,
  meta: {
    title: 'Aurora MySQL cluster has no backtrack window',
    description:
      'A provisioned Aurora MySQL `aws_rds_cluster` has no `backtrack_window` (or 0). Serverless v1 and global-database members, which cannot backtrack, are not reported.',
    rationale:
      'Backtracking rewinds the cluster in place to a point in the window within minutes, which undoes a bad migration or a mistaken `DELETE` far faster than a point-in-time restore into a new cluster. It can only be turned on when the cluster is created. Low: backups still allow recovery, slower.',
    remediation: 'Set `backtrack_window` (in seconds, up to 259200 = 72 hours) when creating the cluster.',
    category: 'reliability',
    severity: 'low',
    confidence: 'medium',
    aliases: ['CKV_AWS_326'],
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Managing.Backtrack.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_rds_cluster" "shop" {\n  cluster_identifier = "shop"\n  engine             = "aurora-mysql"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 34 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_rds_cluster" "shop" {\n  cluster_identifier = "shop"\n  engine             = "aurora-mysql"\n  backtrack_window   = 86400\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const c of module.resourcesOf('aws_rds_cluster')) {
      if (!isAuroraMysql(c) || c.has('global_cluster_identifier')) continue;
      const mode = c.has('engine_mode') ? asString(c.value('engine_mode')) : 'provisioned';
      if (mode !== 'provisioned') continue;
      const a = c.attr('backtrack_window');
      if (!a) reportOn(ctx, c, c.headerLoc, `Aurora MySQL cluster ${nameOf(c)} has no backtrack window.`);
      else if (asNumber(c.value('backtrack_window')) === 0)
        reportOn(ctx, c, a, `Aurora MySQL cluster ${nameOf(c)} has no backtrack window.`);
    }
  },
});
