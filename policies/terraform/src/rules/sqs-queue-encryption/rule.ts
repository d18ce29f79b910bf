import { defineRule } from '@plumbline/core';
import { asBool } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/sqs-queue-encryption',
  domain: terraformDomain,
  meta: {
    title: 'SQS queue turns encryption at rest off',
    description:
      'An `aws_sqs_queue` sets `sqs_managed_sse_enabled = false` and has no `kms_master_key_id`, so its messages are stored unencrypted.',
    rationale:
      'Since late 2022 AWS encrypts new queues with SQS-managed keys (SSE-SQS) unless told otherwise, so a queue with neither setting is encrypted and is not reported here. Turning SSE-SQS off without a KMS key is a deliberate step back that leaves message bodies, often carrying personal data or tokens, in clear text at rest. Medium: the data is transient and still needs SQS permissions to read.',
    remediation:
      'Remove `sqs_managed_sse_enabled = false` (SSE-SQS is the default) or set `kms_master_key_id` to a customer-managed KMS key.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['CKV_AWS_27', 'AWS-0096'],
    references: [
      'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_sqs_queue" "orders" {\n  name                    = "orders"\n  sqs_managed_sse_enabled = false\n}\n',
          errors: [{ line: 3, column: 3, endLine: 3, endColumn: 34 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_sqs_queue" "orders" {\n  name              = "orders"\n  kms_master_key_id = aws_kms_key.queues.arn\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/sqs-queue-encryption');
    for (const q of module.resourcesOf('aws_sqs_queue')) {
      const sse = q.attr('sqs_managed_sse_enabled');
      if (!sse || q.has('kms_master_key_id')) continue;
      if (asBool(q.value('sqs_managed_sse_enabled')) === false)
        reportOn(
          ctx,
          q,
          sse,
          `SQS queue ${nameOf(q)} turns SSE-SQS off and sets no KMS key: messages are stored unencrypted.`,
        );
    }
  },
});
