import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'resource "aws_iam_account_password_policy" "p" {\n  minimum_password_length = 16\n}\n',
    {
      name: 'unknown',
      code: 'variable "n" {}\nresource "aws_iam_account_password_policy" "p" {\n  minimum_password_length = var.n\n}\n',
    },
  ],
  invalid: [
    {
      name: 'missing',
      code: 'resource "aws_iam_account_password_policy" "p" {}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 47 }],
    },
    {
      name: 'short via variable',
      code: 'variable "n" {\n  default = 10\n}\nresource "aws_iam_account_password_policy" "p" {\n  minimum_password_length = var.n\n}\n',
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 34, message: '10 characters' }],
    },
  ],
});
