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
}['restrict_public_buckets'];

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    all('none'),
    {
      name: 'unknown value',
      code: 'variable "x" {}\nresource "aws_s3_bucket_public_access_block" "b" {\n  restrict_public_buckets = var.x\n}\n',
    },
    { name: 'count = 0', code: 'resource "aws_s3_bucket_public_access_block" "b" {\n  count = 0\n}\n' },
  ],
  invalid: [
    {
      name: 'set to false',
      code: all('restrict_public_buckets'),
      errors: [
        { line, column: 3, endLine: line, endColumn: 34, message: '`restrict_public_buckets = false`' },
      ],
    },
    {
      name: 'missing (defaults to false)',
      code: 'resource "aws_s3_bucket_public_access_block" "b" {\n  bucket = aws_s3_bucket.b.id\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 49, message: 'does not set' }],
    },
    {
      name: 'false through a variable default',
      code: 'variable "on" {\n  default = false\n}\nresource "aws_s3_account_public_access_block" "a" {\n  restrict_public_buckets = var.on\n}\n',
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 23 + 12 }],
    },
  ],
});
