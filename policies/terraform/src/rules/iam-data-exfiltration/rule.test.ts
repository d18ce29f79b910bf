import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'deny statement',
      code: 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Statement = [{\n      Effect   = "Deny"\n      Action   = "secretsmanager:GetSecretValue"\n      Resource = "*"\n    }]\n  })\n}\n',
    },
    {
      name: 'resources from a variable',
      code: 'variable "arns" {}\nresource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Statement = [{\n      Effect   = "Allow"\n      Action   = "s3:GetObject"\n      Resource = var.arns\n    }]\n  })\n}\n',
    },
  ],
  invalid: [
    {
      name: 'inline role policy, single action string',
      code: 'resource "aws_iam_role" "app" {\n  name               = "app"\n  assume_role_policy = data.aws_iam_policy_document.trust.json\n  inline_policy {\n    name = "read"\n    policy = jsonencode({\n      Statement = [{\n        Effect   = "Allow"\n        Action   = "secretsmanager:GetSecretValue"\n        Resource = "*"\n      }]\n    })\n  }\n}\n',
      errors: [{ line: 9, column: 9, endLine: 9, endColumn: 51 }],
    },
  ],
});
