import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'separate key policy resource',
      code: 'resource "aws_kms_key" "k" {\n  description = "k"\n}\nresource "aws_kms_key_policy" "k" {\n  key_id = aws_kms_key.k.id\n  policy = data.aws_iam_policy_document.k.json\n}\n',
    },
    {
      name: 'key policy for a key id from a variable',
      code: 'variable "key_id" {}\nresource "aws_kms_key" "k" {}\nresource "aws_kms_key_policy" "other" {\n  key_id = var.key_id\n  policy = "{}"\n}\n',
    },
  ],
  invalid: [
    {
      name: 'key policy attached to another key',
      code: 'resource "aws_kms_key" "a" {}\nresource "aws_kms_key" "b" {}\nresource "aws_kms_key_policy" "a" {\n  key_id = aws_kms_key.a.id\n  policy = data.aws_iam_policy_document.a.json\n}\n',
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 27, message: 'aws_kms_key.b' }],
    },
  ],
});
