import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

const all = (value: string) =>
  `resource "aws_s3_bucket_public_access_block" "b" {
  bucket                  = aws_s3_bucket.b.id
  block_public_acls       = ${value === 'block_public_acls' ? 'false' : 'true'}
  block_public_policy     = ${value === 'block_public_policy' ? 'false' : 'true'}
  ignore_public_acls      = ${value === 'ignore_public_acls' ? 'false' : 'true'}
  restrict_public_buckets = ${value === 'restrict_public_buckets' ? 'false' : 'true'}
}
`;
const line = {
  block_public_acls: 3,
  block_public_policy: 4,
  ignore_public_acls: 5,
  restrict_public_buckets: 6,
}.block_public_acls;

const s3Module = (version: string, args = '') =>
  `module "m" {\n  source  = "terraform-aws-modules/s3-bucket/aws"\n  version = "${version}"\n${args}}\n`;

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'S3 bucket module v4 blocks public ACLs by default', code: s3Module('~> 4.0') },
    all('none'),
    {
      name: 'unknown value',
      code: 'variable "x" {}\nresource "aws_s3_bucket_public_access_block" "b" {\n  block_public_acls = var.x\n}\n',
    },
    { name: 'count = 0', code: 'resource "aws_s3_bucket_public_access_block" "b" {\n  count = 0\n}\n' },
  ],
  invalid: [
    {
      name: 'S3 bucket module before v3.9 did not',
      code: s3Module('3.7.0'),
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, message: '(before v3.9.0)' }],
    },
    {
      name: 'S3 bucket module with the block turned off',
      code: s3Module('~> 4.0', '  block_public_acls = false\n'),
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 28 }],
    },
    {
      name: 'set to false',
      code: all('block_public_acls'),
      errors: [{ line, column: 3, endLine: line, endColumn: 34, message: '`block_public_acls = false`' }],
    },
    {
      name: 'missing (defaults to false)',
      code: 'resource "aws_s3_bucket_public_access_block" "b" {\n  bucket = aws_s3_bucket.b.id\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 49, message: 'does not set' }],
    },
    {
      name: 'false through a variable default',
      code: 'variable "on" {\n  default = false\n}\nresource "aws_s3_account_public_access_block" "a" {\n  block_public_acls = var.on\n}\n',
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 17 + 12 }],
    },
  ],
});
