import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'read-only managed policy',
      code: 'resource "aws_iam_user_policy_attachment" "auditor" {\n  user       = aws_iam_user.auditor.name\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n',
    },
    {
      name: 'customer policy named like the managed one',
      code: 'resource "aws_iam_role_policy_attachment" "a" {\n  role       = aws_iam_role.r.name\n  policy_arn = "arn:aws:iam::111122223333:policy/AdministratorAccess"\n}\n',
    },
    {
      name: 'unknown',
      code: 'variable "policy_arn" {}\nresource "aws_iam_role_policy_attachment" "a" {\n  role       = aws_iam_role.r.name\n  policy_arn = var.policy_arn\n}\n',
    },
  ],
  invalid: [
    {
      name: 'IAMFullAccess in managed_policy_arns, GovCloud partition',
      code: 'resource "aws_iam_role" "ops" {\n  name                = "ops"\n  assume_role_policy  = data.aws_iam_policy_document.ops.json\n  managed_policy_arns = ["arn:aws-us-gov:iam::aws:policy/IAMFullAccess", aws_iam_policy.ops.arn]\n}\n',
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 97, message: 'IAMFullAccess' }],
    },
    {
      name: 'for_each over a set of policy ARNs',
      code: 'resource "aws_iam_role_policy_attachment" "ci" {\n  for_each   = toset(["arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess"])\n  role       = aws_iam_role.ci.name\n  policy_arn = each.value\n}\n',
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 26, message: 'AdministratorAccess' }],
    },
  ],
});
