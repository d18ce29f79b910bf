import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

const doc = (actions: string, resources: string) =>
  `data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ${actions}\n    resources = ${resources}\n  }\n}\nresource "aws_iam_policy" "p" {\n  policy = data.aws_iam_policy_document.d.json\n}\n`;

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    doc('["iam:PassRole"]', '["arn:aws:iam::123456789012:role/task"]'),
    doc('["s3:GetObject"]', '["*"]'),
    { name: 'iam read-only wildcard', code: doc('["iam:Get*", "iam:List*"]', '["*"]') },
    { name: 'admin reported elsewhere', code: doc('["*"]', '["*"]') },
  ],
  invalid: [
    {
      name: 'iam:* on *',
      code: doc('["iam:*"]', '["*"]'),
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 26, message: 'and 11 more' }],
    },
    {
      name: 'iam:Attach*',
      code: doc('["iam:Attach*Policy"]', '["*"]'),
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 38, message: '`iam:AttachUserPolicy`' }],
    },
  ],
});
