import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'consumer actions listed',
      code: 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { AWS = aws_iam_role.worker.arn }\n      Action    = ["sqs:ReceiveMessage", "sqs:DeleteMessage"]\n      Resource  = "*"\n    }]\n  })\n}\n',
    },
    {
      name: 'deny all actions',
      code: 'resource "aws_sqs_queue_policy" "jobs" {\n  queue_url = aws_sqs_queue.jobs.id\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Deny"\n      Principal = "*"\n      Action    = "sqs:*"\n      Resource  = aws_sqs_queue.jobs.arn\n      Condition = { Bool = { "aws:SecureTransport" = "false" } }\n    }]\n  })\n}\n',
    },
  ],
  invalid: [
    {
      name: 'policy document with a wildcard among actions',
      code: 'data "aws_iam_policy_document" "jobs" {\n  statement {\n    actions   = ["sqs:SendMessage", "SQS:*"]\n    resources = [aws_sqs_queue.jobs.arn]\n    principals {\n      type        = "AWS"\n      identifiers = [var.producer_role_arn]\n    }\n  }\n}\nresource "aws_sqs_queue_policy" "jobs" {\n  queue_url = aws_sqs_queue.jobs.id\n  policy    = data.aws_iam_policy_document.jobs.json\n}\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 45 }],
    },
  ],
});
