import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { isAwsManagedKey } from '../../lib/kms.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/sns-topic-kms-cmk',
  domain: terraformDomain,
  meta: {
    title: 'SNS topic uses the AWS-managed key',
    description:
      'An `aws_sns_topic` is encrypted with `alias/aws/sns`. Topics with no key at all are reported by `terraform/sns-topic-encryption`.',
    rationale:
      'The key policy of an AWS-managed key cannot be edited: access to the messages cannot be narrowed through the key, and AWS services that publish to the topic (CloudWatch alarms, EventBridge, S3 notifications) cannot be allowed to use it, so their messages fail. A customer-managed key fixes both. Low: the data is encrypted either way.',
    remediation:
      'Set `kms_master_key_id` to a customer-managed key whose policy allows the publishers and subscribers.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: ['AWS-0136'],
    references: ['https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_sns_topic" "alerts" {\n  name              = "ops-alerts"\n  kms_master_key_id = "alias/aws/sns"\n}\n',
          errors: [{ line: 3, column: 3, endLine: 3, endColumn: 38 }],
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
    checkRegistryModules(module, ctx, 'terraform/sns-topic-kms-cmk');
    for (const t of module.resourcesOf('aws_sns_topic')) {
      const key = t.attr('kms_master_key_id');
      if (key && isAwsManagedKey(t.value('kms_master_key_id')))
        reportOn(ctx, t, key, `SNS topic ${nameOf(t)} uses the AWS-managed key \`alias/aws/sns\`.`);
    }
  },
});
