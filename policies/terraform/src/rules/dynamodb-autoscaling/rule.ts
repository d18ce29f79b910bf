import { defineRule } from '@plumbline/core';
import { asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/dynamodb-autoscaling',
  domain: terraformDomain,
  meta: {
    title: 'Provisioned DynamoDB table has no auto scaling',
    description:
      'An `aws_dynamodb_table` in provisioned mode (`billing_mode = "PROVISIONED"`, the default) has no `aws_appautoscaling_target` in the module for its capacity. On-demand tables are not reported; a scaling target whose resource cannot be resolved counts as covering every table.',
    rationale:
      'Fixed provisioned capacity throttles requests as soon as traffic exceeds it, which surfaces as errors in the application at the worst moment (a launch, a batch job). Auto scaling or on-demand mode absorb it. Low with medium confidence: tables with steady, well-known load are fine on fixed capacity.',
    remediation:
      'Switch to `billing_mode = "PAY_PER_REQUEST"`, or add `aws_appautoscaling_target` and `aws_appautoscaling_policy` for `dynamodb:table:ReadCapacityUnits` and `WriteCapacityUnits`.',
    category: 'reliability',
    severity: 'low',
    confidence: 'medium',
    aliases: ['CKV2_AWS_16'],
    references: ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/AutoScaling.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_dynamodb_table" "orders" {\n  name           = "orders"\n  billing_mode   = "PROVISIONED"\n  read_capacity  = 20\n  write_capacity = 20\n  hash_key       = "id"\n}\n',
          errors: [{ line: 3, column: 3, endLine: 3, endColumn: 33 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_dynamodb_table" "orders" {\n  name         = "orders"\n  billing_mode = "PAY_PER_REQUEST"\n  hash_key     = "id"\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    const targets = module
      .resourcesOf('aws_appautoscaling_target')
      .filter(
        (t) =>
          asString(t.value('service_namespace')) !== 'ecs' &&
          asString(t.value('service_namespace')) !== 'ec2',
      )
      .map((t) => asString(t.value('resource_id')));
    if (targets.some((id) => id === undefined)) return;
    for (const r of module.resourcesOf('aws_dynamodb_table')) {
      const mode = r.attr('billing_mode');
      if (mode && asString(r.value('billing_mode')) !== 'PROVISIONED') continue;
      const name = asString(r.value('name'));
      if (name === undefined || targets.includes(`table/${name}`)) continue;
      reportOn(
        ctx,
        r,
        mode ?? r.headerLoc,
        `Provisioned table ${nameOf(r)} has no auto scaling for its capacity.`,
      );
    }
  },
});
