import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

const sse = (bucket: string) =>
  `resource "aws_s3_bucket_server_side_encryption_configuration" "e" {\n  bucket = ${bucket}\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "AES256"\n    }\n  }\n}\n`;

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    `resource "aws_s3_bucket" "b" {}\n${sse('aws_s3_bucket.b.id')}`,
    {
      name: 'legacy inline block',
      code: 'resource "aws_s3_bucket" "b" {\n  server_side_encryption_configuration {\n    rule {\n      apply_server_side_encryption_by_default {\n        sse_algorithm = "AES256"\n      }\n    }\n  }\n}\n',
    },
    {
      name: 'companion with an unknown bucket that may be this one (a local)',
      code: `resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n${sse('local.bucket')}`,
    },
    {
      name: 'companion by input next to a bucket with a literal name the input may hold',
      code: `resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n${sse('var.bucket')}`,
    },
  ],
  invalid: [
    {
      name: "companion by input is for the caller's bucket, not this unnamed one",
      code: `resource "aws_s3_bucket" "b" {}\n${sse('var.bucket')}`,
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 29 }],
    },
    {
      name: 'no configuration',
      code: 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 29 }],
    },
    {
      name: 'configuration for another bucket',
      code: `resource "aws_s3_bucket" "a" {}\nresource "aws_s3_bucket" "b" {}\n${sse('aws_s3_bucket.a.id')}`,
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 29 }],
    },
  ],
});
