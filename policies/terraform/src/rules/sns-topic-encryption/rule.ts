import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/sns-topic-encryption',
  domain: terraformDomain,
  meta: {
    title: 'SNS topic is not encrypted at rest',
    description: 'An `aws_sns_topic` has no `kms_master_key_id`, so server-side encryption is off.',
    rationale:
      'Unlike SQS, SNS does not turn server-side encryption on by default: without a KMS key, messages waiting for delivery (alerts, order events, sometimes personal data) are not protected by a key you control. Medium: messages are short-lived and reading them still needs SNS permissions.',
    remediation:
      'Set `kms_master_key_id` to a customer-managed KMS key (or at least `alias/aws/sns`); give publishing services such as CloudWatch alarms or EventBridge `kms:GenerateDataKey*` and `kms:Decrypt` in the key policy.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['CKV_AWS_26', 'AWS-0095'],
    references: ['https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_sns_topic" "alerts" {\n  name = "ops-alerts"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 34 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_sns_topic" "alerts" {\n  name              = "ops-alerts"\n  kms_master_key_id = aws_kms_key.sns.id\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/sns-topic-encryption');
    for (const t of module.resourcesOf('aws_sns_topic')) {
      if (t.has('kms_master_key_id')) continue;
      reportOn(ctx, t, t.headerLoc, `SNS topic ${nameOf(t)} has no KMS key: server-side encryption is off.`);
    }
  },
});
