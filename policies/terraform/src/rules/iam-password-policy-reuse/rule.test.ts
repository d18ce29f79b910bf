import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'from a tfvars file',
      code: 'variable "reuse" {}\nresource "aws_iam_account_password_policy" "p" {\n  password_reuse_prevention = var.reuse\n}\n',
      files: { 'terraform.tfvars': 'reuse = 24\n' },
    },
    {
      name: 'unknown',
      code: 'variable "reuse" {}\nresource "aws_iam_account_password_policy" "p" {\n  password_reuse_prevention = var.reuse\n}\n',
    },
  ],
  invalid: [
    {
      name: 'missing',
      code: 'resource "aws_iam_account_password_policy" "p" {\n  minimum_password_length = 16\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 47, message: 'password_reuse_prevention' }],
    },
  ],
});
