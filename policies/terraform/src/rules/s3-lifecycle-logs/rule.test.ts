import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'not a log bucket', code: 'resource "aws_s3_bucket" "b" {}\n' },
    {
      name: 'legacy lifecycle_rule',
      code: 'resource "aws_s3_bucket" "logs" {\n  lifecycle_rule {\n    enabled = true\n  }\n}\nresource "aws_s3_bucket_logging" "l" {\n  bucket        = "x"\n  target_bucket = aws_s3_bucket.logs.id\n}\n',
    },
  ],
  invalid: [
    {
      name: 'access-log target without lifecycle',
      code: 'resource "aws_s3_bucket" "logs" {}\nresource "aws_s3_bucket_logging" "l" {\n  bucket        = "x"\n  target_bucket = aws_s3_bucket.logs.id\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 32 }],
    },
  ],
});
