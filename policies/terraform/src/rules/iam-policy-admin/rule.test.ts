import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'Deny *',
      code: 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Statement = [{ Effect = "Deny", Action = "*", Resource = "*" }] })\n}\n',
    },
    {
      name: '* on one resource is the wildcard rule',
      code: 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "*", Resource = "arn:aws:s3:::b" }] })\n}\n',
    },
    {
      name: 'unknown actions',
      code: 'variable "a" {}\nresource "aws_iam_policy" "p" {\n  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = var.a, Resource = "*" }] })\n}\n',
    },
    {
      name: 'file()',
      code: 'resource "aws_iam_policy" "p" {\n  policy = file("${path.module}/admin.json")\n}\n',
    },
  ],
  invalid: [
    {
      name: 'heredoc JSON on a role policy',
      code: 'resource "aws_iam_role_policy" "p" {\n  role   = "r"\n  policy = <<-EOT\n    {\n      "Version": "2012-10-17",\n      "Statement": [{"Effect": "Allow", "Action": ["*"], "Resource": "*"}]\n    }\n  EOT\n}\n',
      errors: [{ line: 6, column: 41, endLine: 6, endColumn: 56 }],
    },
    {
      name: 'policy document through a local',
      code: 'data "aws_iam_policy_document" "admin" {\n  statement {\n    actions   = ["*"]\n    resources = ["*"]\n  }\n}\nlocals {\n  policy = data.aws_iam_policy_document.admin.json\n}\nresource "aws_iam_policy" "p" {\n  policy = local.policy\n}\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 22 }],
    },
    {
      name: 'inline_policy of a role, values from locals',
      code: 'locals {\n  all = "*"\n}\nresource "aws_iam_role" "r" {\n  assume_role_policy = "{}"\n  inline_policy {\n    name   = "x"\n    policy = jsonencode({ Statement = [{ Effect = "Allow", Action = local.all, Resource = [local.all] }] })\n  }\n}\n',
      errors: [{ line: 8, column: 60, endLine: 8, endColumn: 78 }],
    },
  ],
});
