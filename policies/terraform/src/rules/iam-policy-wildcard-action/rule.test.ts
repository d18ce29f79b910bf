import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

const policy = (action: string, resource = '"arn:aws:s3:::b"', effect = 'Allow') =>
  `resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Statement = [{\n      Effect   = "${effect}"\n      Action   = ${action}\n      Resource = ${resource}\n    }]\n  })\n}\n`;

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    policy('["s3:GetObject"]'),
    policy('"s3:Get*"'),
    { name: 'Deny', code: policy('"s3:*"', '"*"', 'Deny') },
    { name: 'admin is another rule', code: policy('"*"', '"*"') },
  ],
  invalid: [
    {
      name: 'service wildcard',
      code: policy('["s3:GetObject", "s3:*"]'),
      errors: [{ line: 5, column: 7, endLine: 5, endColumn: 42, message: '`s3:*`' }],
    },
    {
      name: '* on a resource',
      code: policy('"*"'),
      errors: [{ line: 5, column: 7, endLine: 5, endColumn: 21 }],
    },
  ],
});
