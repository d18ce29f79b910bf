import { defineRule } from '@plumbline/core';
import { asBool, asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { isProductionLike } from '../../lib/environment.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/rds-multi-az',
  domain: terraformDomain,
  meta: {
    title: 'Production RDS instance is single-AZ',
    description:
      'An `aws_db_instance` that looks like production (its name, identifier or environment tag, the module’s `environment` variable, or a `prod` directory) does not set `multi_az = true`. Read replicas and Aurora (whose cluster handles AZs) are not reported.',
    rationale:
      'A single-AZ database is down for the length of an AZ outage or an instance failure, and maintenance reboots cause downtime. Multi-AZ fails over in one or two minutes. Medium: it doubles the cost, so it is only asked of production.',
    remediation: 'Set `multi_az = true` for production databases.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'medium',
    aliases: ['CKV_AWS_157'],
    references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "prod" {\n  identifier = "orders-prod"\n  engine     = "postgres"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 34 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "prod" {\n  identifier = "orders-prod"\n  engine     = "postgres"\n  multi_az   = true\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const r of module.resourcesOf('aws_db_instance')) {
      if (r.has('replicate_source_db') || /^aurora/.test(asString(r.value('engine')) ?? '')) continue;
      if (!isProductionLike(module, r)) continue;
      const a = r.attr('multi_az');
      if (!a)
        reportOn(
          ctx,
          r,
          r.headerLoc,
          `Production database ${nameOf(r)} is single-AZ (\`multi_az\` is unset).`,
        );
      else if (asBool(r.value('multi_az')) === false)
        reportOn(ctx, r, a, `Production database ${nameOf(r)} sets \`multi_az = false\`.`);
    }
  },
});
