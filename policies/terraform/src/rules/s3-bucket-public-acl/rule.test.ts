import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'resource "aws_s3_bucket" "b" {\n  acl = "private"\n}\n',
    'resource "aws_s3_bucket_acl" "b" {\n  acl = "log-delivery-write"\n}\n',
    {
      name: 'unknown acl',
      code: 'variable "acl" {}\nresource "aws_s3_bucket_acl" "b" {\n  acl = var.acl\n}\n',
    },
  ],
  invalid: [
    {
      name: 'legacy inline acl',
      code: 'resource "aws_s3_bucket" "b" {\n  acl = "public-read-write"\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 28, message: '`public-read-write`' }],
    },
    {
      name: 'acl from a variable default',
      code: 'variable "acl" {\n  default = "public-read"\n}\nresource "aws_s3_bucket_acl" "b" {\n  acl = var.acl\n}\n',
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 16 }],
    },
  ],
});
