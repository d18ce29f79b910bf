import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'bucket logs to a log bucket, which is not reported itself',
      code: 'resource "aws_s3_bucket" "data" {}\nresource "aws_s3_bucket" "logs" {}\nresource "aws_s3_bucket_logging" "l" {\n  bucket        = aws_s3_bucket.data.id\n  target_bucket = aws_s3_bucket.logs.id\n}\n',
    },
    {
      name: 'legacy inline logging',
      code: 'resource "aws_s3_bucket" "b" {\n  logging {\n    target_bucket = "logs"\n  }\n}\n',
    },
    {
      name: 'CloudTrail bucket',
      code: 'resource "aws_s3_bucket" "trail" {}\nresource "aws_cloudtrail" "t" {\n  s3_bucket_name = aws_s3_bucket.trail.id\n}\n',
    },
  ],
  invalid: [
    {
      name: 'no logging',
      code: 'resource "aws_s3_bucket" "b" {}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 29 }],
    },
    {
      name: 'only one of two buckets logs',
      code: 'resource "aws_s3_bucket" "a" {}\nresource "aws_s3_bucket" "b" {}\nresource "aws_s3_bucket_logging" "l" {\n  bucket        = aws_s3_bucket.a.id\n  target_bucket = "elsewhere"\n}\n',
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 29 }],
    },
  ],
});
