import { booleanRule } from '../../lib/simple.js';

export default booleanRule({
  id: 'terraform/cloudtrail-multi-region',
  types: ['aws_cloudtrail'],
  attr: 'is_multi_region_trail',
  missing: (n) => `CloudTrail ${n} records only its home region (\`is_multi_region_trail\` is unset).`,
  off: (n) => `CloudTrail ${n} sets \`is_multi_region_trail = false\`.`,
  meta: {
    title: 'CloudTrail trail is single-region',
    description: 'An `aws_cloudtrail` does not set `is_multi_region_trail = true`.',
    rationale:
      'Attackers like unused regions: activity there (crypto-mining instances, new IAM sessions) goes unrecorded by a single-region trail. Medium.',
    remediation: 'Set `is_multi_region_trail = true` (or use an organization trail).',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['CKV_AWS_67', 'AWS-0014'],
    references: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = aws_s3_bucket.trail.id\n  is_multi_region_trail = false\n}\n',
          errors: [{ line: 4, column: 3, endLine: 4, endColumn: 32 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = aws_s3_bucket.trail.id\n  is_multi_region_trail = true\n}\n',
        },
      ],
    },
  },
});
