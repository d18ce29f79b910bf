import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { policyStatements } from '../../lib/iam.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/sqs-queue-policy-wildcard-action',
  domain: terraformDomain,
  meta: {
    title: 'SQS queue policy allows every action',
    description:
      'An `Allow` statement of an SQS queue policy (`aws_sqs_queue_policy` or the queue’s `policy`) grants `*` or `sqs:*`.',
    rationale:
      'A queue policy is meant to let a producer send (`sqs:SendMessage`) or a consumer receive; `sqs:*` also lets that principal purge or delete the queue, change its attributes and rewrite the policy itself, so one compromised producer can silently drop every message. Medium.',
    remediation:
      'List the actions the principal needs, typically `sqs:SendMessage` for producers and `sqs:ReceiveMessage`/`sqs:DeleteMessage` for consumers.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['AWS-0097'],
    references: [
      'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_sqs_queue_policy" "orders" {\n  queue_url = aws_sqs_queue.orders.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { Service = "sns.amazonaws.com" }\n      Action    = "sqs:*"\n      Resource  = aws_sqs_queue.orders.arn\n    }]\n  })\n}\n',
          errors: [{ line: 8, column: 7, endLine: 8, endColumn: 26 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_sqs_queue_policy" "orders" {\n  queue_url = aws_sqs_queue.orders.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { Service = "sns.amazonaws.com" }\n      Action    = "sqs:SendMessage"\n      Resource  = aws_sqs_queue.orders.arn\n      Condition = { ArnEquals = { "aws:SourceArn" = aws_sns_topic.orders.arn } }\n    }]\n  })\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const r of module.resourcesOf('aws_sqs_queue_policy', 'aws_sqs_queue')) {
      for (const s of policyStatements(r, 'policy')) {
        if (s.effect !== 'Allow' || !s.action) continue;
        const wild = s.action.values.filter((a) => a === '*' || a.toLowerCase() === 'sqs:*');
        if (wild.length === 0) continue;
        reportOn(
          ctx,
          r,
          s.action.loc,
          `${nameOf(r)} allows ${wild.map((w) => `\`${w}\``).join(', ')} on the queue.`,
        );
      }
    }
  },
});
