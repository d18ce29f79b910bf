import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

const sse = (algo: string) =>
  `resource "aws_s3_bucket_server_side_encryption_configuration" "e" {\n  bucket = aws_s3_bucket.b.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = ${algo}\n    }\n  }\n}\n`;

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    sse('"aws:kms"'),
    { name: 'unknown algorithm', code: `variable "a" {}\n${sse('var.a')}` },
    'resource "aws_s3_bucket" "b" {}\n',
  ],
  invalid: [
    {
      name: 'AES256',
      code: sse('"AES256"'),
      errors: [{ line: 5, column: 7, endLine: 5, endColumn: 31, message: 'S3-managed keys' }],
    },
    {
      name: 'legacy inline block',
      code: 'resource "aws_s3_bucket" "b" {\n  server_side_encryption_configuration {\n    rule {\n      apply_server_side_encryption_by_default {\n        sse_algorithm = "AES256"\n      }\n    }\n  }\n}\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 33 }],
    },
  ],
});
