import { defineRule } from '@plumbline/core';
import { asBool } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { isAwsManagedKey } from '../../lib/kms.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/sqs-queue-kms-cmk',
  domain: terraformDomain,
  meta: {
    title: 'SQS queue is not encrypted with a customer-managed KMS key',
    description:
      'An `aws_sqs_queue` relies on SQS-managed encryption (no `kms_master_key_id`) or on the AWS-managed key `alias/aws/sqs`. Queues that turn encryption off altogether are reported by `terraform/sqs-queue-encryption` instead.',
    rationale:
      'New queues are encrypted by default (SSE-SQS since 2022), so this is not about clear-text data. A customer-managed key adds a second, separately audited permission (`kms:Decrypt`) and a kill switch, and is needed when other accounts or services such as EventBridge and SNS must send to an encrypted queue. A defence-in-depth gap, hence low.',
    remediation:
      'Set `kms_master_key_id = aws_kms_key.<key>.arn` (a key whose policy lets the producers and consumers use it) and, to keep KMS costs down, `kms_data_key_reuse_period_seconds`.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: ['AWS-0135', 'CKV2_AWS_73'],
    references: [
      'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-key-management.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_sqs_queue" "orders" {\n  name              = "orders"\n  kms_master_key_id = "alias/aws/sqs"\n}\n',
          errors: [{ line: 3, column: 3, endLine: 3, endColumn: 38 }],
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
    checkRegistryModules(module, ctx, 'terraform/sqs-queue-kms-cmk');
    for (const q of module.resourcesOf('aws_sqs_queue')) {
      const key = q.attr('kms_master_key_id');
      if (key) {
        if (isAwsManagedKey(q.value('kms_master_key_id')))
          reportOn(
            ctx,
            q,
            key,
            `SQS queue ${nameOf(q)} uses the AWS-managed key, not a customer-managed one.`,
          );
        continue;
      }
      // Encryption switched off entirely is the other rule's finding.
      if (asBool(q.value('sqs_managed_sse_enabled')) === false) continue;
      reportOn(
        ctx,
        q,
        q.headerLoc,
        `SQS queue ${nameOf(q)} has no customer-managed KMS key (SQS-managed encryption only).`,
      );
    }
  },
});
