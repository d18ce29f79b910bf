import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'shorter',
      code: 'resource "aws_iam_account_password_policy" "p" {\n  max_password_age = 60\n}\n',
    },
  ],
  invalid: [
    {
      name: 'zero means never',
      code: 'resource "aws_iam_account_password_policy" "p" {\n  max_password_age = 0\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 23, message: '= 0' }],
    },
    {
      name: 'missing',
      code: 'resource "aws_iam_account_password_policy" "p" {}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 47 }],
    },
  ],
});
