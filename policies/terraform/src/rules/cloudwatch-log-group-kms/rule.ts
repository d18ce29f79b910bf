import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/cloudwatch-log-group-kms',
  domain: terraformDomain,
  meta: {
    title: 'CloudWatch log group is not encrypted with a KMS key',
    description: 'An `aws_cloudwatch_log_group` has no `kms_key_id`.',
    rationale:
      'CloudWatch Logs always encrypts log data at rest with a service key; a customer-managed KMS key adds a separate permission on reading the logs, which matters for logs that carry request bodies, tokens or personal data (application and VPC flow logs). Defence in depth, hence low.',
    remediation:
      'Set `kms_key_id = aws_kms_key.logs.arn`, with a key policy that allows `logs.<region>.amazonaws.com` to use the key.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: ['AWS-0017'],
    references: ['https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_cloudwatch_log_group" "api" {\n  name              = "/ecs/api"\n  retention_in_days = 30\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 42 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_cloudwatch_log_group" "api" {\n  name              = "/ecs/api"\n  retention_in_days = 30\n  kms_key_id        = aws_kms_key.logs.arn\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/cloudwatch-log-group-kms');
    for (const r of module.resourcesOf('aws_cloudwatch_log_group')) {
      if (!r.has('kms_key_id'))
        reportOn(
          ctx,
          r,
          r.headerLoc,
          `Log group ${nameOf(r)} is not encrypted with a customer-managed KMS key.`,
        );
    }
  },
});
