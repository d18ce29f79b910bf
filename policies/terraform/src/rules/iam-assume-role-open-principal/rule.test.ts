import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'resource "aws_iam_role" "r" {\n  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })\n}\n',
    {
      name: 'star with org condition',
      code: 'resource "aws_iam_role" "r" {\n  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-1" } } }] })\n}\n',
    },
  ],
  invalid: [
    {
      name: 'a TLS condition does not narrow the caller',
      code: 'resource "aws_iam_role" "r" {\n  assume_role_policy = jsonencode({\n    Statement = [{\n      Effect    = "Allow"\n      Action    = "sts:AssumeRole"\n      Principal = { AWS = "*" }\n      Condition = { Bool = { "aws:SecureTransport" = "true" } }\n    }]\n  })\n}\n',
      errors: [{ line: 6, column: 7, endLine: 6, endColumn: 32 }],
    },
    {
      name: 'Principal "*" in a data document',
      code: 'data "aws_iam_policy_document" "trust" {\n  statement {\n    actions = ["sts:AssumeRole"]\n    principals {\n      type        = "AWS"\n      identifiers = ["*"]\n    }\n  }\n}\nresource "aws_iam_role" "r" {\n  assume_role_policy = data.aws_iam_policy_document.trust.json\n}\n',
      errors: [{ line: 4, column: 5, endLine: 7, endColumn: 6 }],
    },
  ],
});
