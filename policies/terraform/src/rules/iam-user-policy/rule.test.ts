import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'resource "aws_iam_role_policy_attachment" "r" {\n  role       = "r"\n  policy_arn = "arn"\n}\n',
    {
      name: 'policy attachment with empty users',
      code: 'resource "aws_iam_policy_attachment" "a" {\n  name       = "a"\n  users      = []\n  roles      = ["r"]\n  policy_arn = "arn"\n}\n',
    },
  ],
  invalid: [
    {
      name: 'inline user policy',
      code: 'resource "aws_iam_user_policy" "p" {\n  user   = "alice"\n  policy = "{}"\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 35 }],
    },
    {
      name: 'policy attachment with users',
      code: 'resource "aws_iam_policy_attachment" "a" {\n  name       = "a"\n  users      = ["alice"]\n  policy_arn = "arn"\n}\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 25 }],
    },
  ],
});
