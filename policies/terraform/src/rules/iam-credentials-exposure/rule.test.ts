import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'service wildcard is the wildcard-action rule',
      code: 'data "aws_iam_policy_document" "p" {\n  statement {\n    actions   = ["ec2:*"]\n    resources = ["*"]\n  }\n}\nresource "aws_iam_policy" "p" {\n  policy = data.aws_iam_policy_document.p.json\n}\n',
    },
    {
      name: 'conditioned on a tag',
      code: 'data "aws_iam_policy_document" "p" {\n  statement {\n    actions   = ["ec2:GetPasswordData"]\n    resources = ["*"]\n    condition {\n      test     = "StringEquals"\n      variable = "aws:ResourceTag/team"\n      values   = ["payments"]\n    }\n  }\n}\nresource "aws_iam_policy" "p" {\n  policy = data.aws_iam_policy_document.p.json\n}\n',
    },
  ],
  invalid: [
    {
      name: 'prefix wildcard in a policy document',
      code: 'data "aws_iam_policy_document" "p" {\n  statement {\n    actions   = ["ec2:GetPassword*", "ec2:DescribeInstances"]\n    resources = ["*"]\n  }\n}\nresource "aws_iam_policy" "p" {\n  policy = data.aws_iam_policy_document.p.json\n}\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 62, message: 'ec2:GetPasswordData' }],
    },
  ],
});
