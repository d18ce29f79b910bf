import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/cloudtrail-kms-encryption',
  domain: terraformDomain,
  meta: {
    title: 'CloudTrail logs are not encrypted with a KMS key',
    description: 'An `aws_cloudtrail` has no `kms_key_id`.',
    rationale:
      "Trail logs reveal the account's whole activity; with SSE-KMS, reading them needs a separate key permission that can be audited and withheld from most readers of the bucket. Medium.",
    remediation: 'Set `kms_key_id` to a customer-managed KMS key whose policy lets CloudTrail encrypt.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['CKV_AWS_35', 'AWS-0015'],
    references: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = aws_s3_bucket.trail.id\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 33 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = aws_s3_bucket.trail.id\n  kms_key_id = aws_example.trail.arn\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const t of module.resourcesOf('aws_cloudtrail')) {
      if (!t.has('kms_key_id'))
        reportOn(
          ctx,
          t,
          t.headerLoc,
          `CloudTrail ${nameOf(t)} does not encrypt its logs with a KMS key (no \`kms_key_id\`).`,
        );
    }
  },
});
