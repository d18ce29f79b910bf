import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

const pab = (bucket: string) => `
resource "aws_s3_bucket_public_access_block" "this" {
  bucket                  = ${bucket}
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`;

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'linked by id',
      code: `resource "aws_s3_bucket" "b" {\n  bucket = "acme-data"\n}\n${pab('aws_s3_bucket.b.id')}`,
    },
    {
      name: 'linked by count index',
      code: `resource "aws_s3_bucket" "b" {\n  count  = 1\n  bucket = "acme-data"\n}\n${pab('aws_s3_bucket.b[0].bucket')}`,
    },
    {
      name: 'linked by literal name',
      code: `resource "aws_s3_bucket" "b" {\n  bucket = "acme-data"\n}\n${pab('"acme-data"')}`,
    },
    {
      name: 'linked in another file of the module',
      code: 'resource "aws_s3_bucket" "b" {\n  bucket = "acme-data"\n}\n',
      files: { 'pab.tf': pab('aws_s3_bucket.b.id') },
    },
    {
      name: 'companion bucket is a variable (unknown)',
      code: `resource "aws_s3_bucket" "b" {\n  bucket = "acme-data"\n}\n${pab('var.bucket_id')}`,
    },
    {
      name: 'bucket not created (count = 0)',
      code: 'variable "create" {\n  default = false\n}\nresource "aws_s3_bucket" "b" {\n  count = var.create ? 1 : 0\n}\n',
    },
    {
      name: 'account-wide block',
      code: 'resource "aws_s3_bucket" "b" {}\nresource "aws_s3_account_public_access_block" "acct" {\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n',
    },
  ],
  invalid: [
    {
      name: 'no block at all',
      code: 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 32, message: '`aws_s3_bucket.logs` has no' }],
    },
    {
      name: 'block for another bucket',
      code: `resource "aws_s3_bucket" "a" {\n  bucket = "a"\n}\nresource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n${pab('aws_s3_bucket.a.id')}`,
      errors: [{ line: 4, column: 1, endLine: 4, endColumn: 29 }],
    },
    {
      name: 'block for another bucket by name',
      code: `resource "aws_s3_bucket" "b" {\n  bucket = "b"\n}\n${pab('"other"')}`,
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 29 }],
    },
    {
      name: 'account block leaves a setting off',
      code: 'resource "aws_s3_bucket" "b" {}\nresource "aws_s3_account_public_access_block" "acct" {\n  block_public_acls = false\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 29 }],
    },
  ],
});
