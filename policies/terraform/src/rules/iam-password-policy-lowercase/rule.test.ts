import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'CIS-style policy',
      code: 'resource "aws_iam_account_password_policy" "cis" {\n  minimum_password_length        = 14\n  require_lowercase_characters   = true\n  require_uppercase_characters   = true\n  require_numbers                = true\n  require_symbols                = true\n  password_reuse_prevention      = 24\n  max_password_age               = 90\n  allow_users_to_change_password = true\n}\n',
    },
    {
      name: 'unknown',
      code: 'variable "strict" {}\nresource "aws_iam_account_password_policy" "p" {\n  require_lowercase_characters = var.strict\n}\n',
    },
  ],
  invalid: [
    {
      name: 'missing',
      code: 'resource "aws_iam_account_password_policy" "p" {\n  minimum_password_length = 16\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 47, message: 'require_lowercase_characters' }],
    },
  ],
});
