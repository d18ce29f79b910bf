import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/lambda-dlq',
  domain: terraformDomain,
  meta: {
    title: 'Lambda function has no dead-letter queue',
    description:
      'An `aws_lambda_function` has no `dead_letter_config` and no `aws_lambda_function_event_invoke_config` with an on-failure destination.',
    rationale:
      'Asynchronous invocations (S3, SNS, EventBridge) that keep failing are dropped after two retries; without a DLQ or failure destination the events are lost silently. Functions only called synchronously do not need one, hence low.',
    remediation:
      'Add `dead_letter_config { target_arn = aws_sqs_queue.dlq.arn }` or an `aws_lambda_function_event_invoke_config` with `destination_config { on_failure { ... } }`.',
    category: 'reliability',
    severity: 'low',
    confidence: 'low',
    aliases: ['CKV_AWS_116'],
    references: ['https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_lambda_function" "worker" {\n  function_name = "worker"\n  role          = aws_iam_role.worker.arn\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 40 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_lambda_function" "worker" {\n  function_name = "worker"\n  role          = aws_iam_role.worker.arn\n  dead_letter_config {\n    target_arn = aws_sqs_queue.dlq.arn\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/lambda-dlq');
    const invokeConfigs = module.resourcesOf('aws_lambda_function_event_invoke_config');
    for (const f of module.resourcesOf('aws_lambda_function')) {
      if (f.hasBlock('dead_letter_config')) continue;
      const linked = invokeConfigs.some((c) => {
        const v = c.value('function_name');
        return f.isReferencedBy(v, 'function_name') || typeof v !== 'string';
      });
      if (linked) continue;
      reportOn(
        ctx,
        f,
        f.headerLoc,
        `Lambda function ${nameOf(f)} has no dead-letter queue or failure destination.`,
      );
    }
  },
});
