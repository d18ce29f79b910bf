import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'unknown switch',
      code: 'variable "cmk" {}\nresource "aws_dynamodb_table" "t" {\n  server_side_encryption {\n    enabled     = var.cmk\n    kms_key_arn = aws_kms_key.k.arn\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'enabled without key is the AWS-managed key',
      code: 'resource "aws_dynamodb_table" "t" {\n  name = "t"\n  server_side_encryption {\n    enabled = true\n  }\n}\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 25, message: 'AWS-managed' }],
    },
    {
      name: 'explicitly off',
      code: 'resource "aws_dynamodb_table" "t" {\n  server_side_encryption {\n    enabled = false\n  }\n}\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 20, message: 'AWS-owned' }],
    },
  ],
});
