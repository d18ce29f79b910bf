import { booleanRule } from '../../lib/simple.js';

export default booleanRule({
  id: 'terraform/cloudtrail-log-validation',
  types: ['aws_cloudtrail'],
  attr: 'enable_log_file_validation',
  missing: (n) => `CloudTrail ${n} does not enable log file validation.`,
  off: (n) => `CloudTrail ${n} sets \`enable_log_file_validation = false\`.`,
  meta: {
    title: 'CloudTrail log file validation is off',
    description: 'An `aws_cloudtrail` does not set `enable_log_file_validation = true`.',
    rationale:
      'Without digest files nobody can prove the logs were not altered or deleted after an intrusion, which weakens them as evidence. Medium.',
    remediation: 'Set `enable_log_file_validation = true`.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['CKV_AWS_36', 'AWS-0016'],
    references: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = aws_s3_bucket.trail.id\n  enable_log_file_validation = false\n}\n',
          errors: [{ line: 4, column: 3, endLine: 4, endColumn: 37 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = aws_s3_bucket.trail.id\n  enable_log_file_validation = true\n}\n',
        },
      ],
    },
  },
});
