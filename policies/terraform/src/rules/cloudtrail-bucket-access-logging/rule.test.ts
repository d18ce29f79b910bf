import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'trail bucket in another module',
      code: 'resource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = "acme-cloudtrail"\n}\n',
    },
    {
      name: 'logging resource for a bucket from a variable',
      code: 'variable "bucket" {}\nresource "aws_s3_bucket" "trail" {\n  bucket = "acme-cloudtrail"\n}\nresource "aws_s3_bucket_logging" "l" {\n  bucket        = var.bucket\n  target_bucket = "acme-access-logs"\n  target_prefix = "x/"\n}\nresource "aws_cloudtrail" "main" {\n  s3_bucket_name = aws_s3_bucket.trail.id\n}\n',
    },
  ],
  invalid: [
    {
      name: 'bucket named by literal',
      code: 'resource "aws_s3_bucket" "trail" {\n  bucket = "acme-cloudtrail"\n}\nresource "aws_cloudtrail" "main" {\n  s3_bucket_name = "acme-cloudtrail"\n}\nresource "aws_cloudtrail" "second" {\n  s3_bucket_name = "acme-cloudtrail"\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 33 }],
    },
  ],
});
