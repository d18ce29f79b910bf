import { defineRule } from '@plumbline/core';
import { asBool } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/dynamodb-pitr',
  domain: terraformDomain,
  meta: {
    title: 'DynamoDB table has no point-in-time recovery',
    description: 'An `aws_dynamodb_table` has no `point_in_time_recovery { enabled = true }`.',
    rationale:
      'Point-in-time recovery is the only way to undo a bad write or delete in DynamoDB to any second of the last 35 days; on-demand backups only help if someone took one before. Medium.',
    remediation: 'Add `point_in_time_recovery { enabled = true }`.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: ['CKV_AWS_28', 'AWS-0024'],
    references: ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_dynamodb_table" "orders" {\n  name     = "orders"\n  hash_key = "id"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 39 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_dynamodb_table" "orders" {\n  name     = "orders"\n  hash_key = "id"\n  point_in_time_recovery {\n    enabled = true\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const r of module.resourcesOf('aws_dynamodb_table')) {
      if (!r.hasBlock('point_in_time_recovery')) {
        reportOn(ctx, r, r.headerLoc, `DynamoDB table ${nameOf(r)} has no point-in-time recovery.`);
        continue;
      }
      for (const p of r.blocks('point_in_time_recovery')) {
        const a = p.attr('enabled');
        if (!a)
          reportOn(
            ctx,
            r,
            p.headerLoc,
            `DynamoDB table ${nameOf(r)} does not enable point-in-time recovery.`,
          );
        else if (asBool(p.value('enabled')) === false)
          reportOn(ctx, r, a, `DynamoDB table ${nameOf(r)} disables point-in-time recovery.`);
      }
    }
  },
});
