import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'read-only actions',
      code: 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Statement = [{\n      Effect   = "Allow"\n      Action   = ["s3:GetBucketPolicy", "kms:DescribeKey"]\n      Resource = "*"\n    }]\n  })\n}\n',
    },
    {
      name: 'admin statement is the admin rule',
      code: 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Statement = [{\n      Effect   = "Allow"\n      Action   = "*"\n      Resource = "*"\n    }]\n  })\n}\n',
    },
  ],
  invalid: [
    {
      name: 'heredoc policy with a Put* prefix',
      code: 'resource "aws_iam_user_policy" "ops" {\n  user   = aws_iam_user.ops.name\n  policy = <<-EOT\n    {\n      "Statement": [{\n        "Effect": "Allow",\n        "Action": ["kms:Put*"],\n        "Resource": "*"\n      }]\n    }\n  EOT\n}\n',
      errors: [{ line: 7, column: 9, endLine: 7, endColumn: 31, message: 'kms:PutKeyPolicy' }],
    },
  ],
});
