import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import type { PolicyStatement } from '../../lib/iam.js';
import { nameOf, reportOn } from '../../lib/report.js';
import { resourcePolicies } from '../../lib/resource-policies.js';

const ACCOUNT_ROOT = /^(arn:aws[a-z-]*:iam::\d{12}:root|\d{12})$/;

/**
 * The default key policy: `kms:*` for the key's own account (its root principal), which hands
 * control to the account's IAM policies. AWS creates it for every key; it is not a finding.
 */
function delegatesToAccount(s: PolicyStatement): boolean {
  return (
    !!s.principals?.length &&
    s.principals.every((p) => p.type === 'AWS' && (p.unknown || p.values.every((v) => ACCOUNT_ROOT.test(v))))
  );
}

export default defineRule({
  id: 'terraform/resource-policy-wildcard-action',
  domain: terraformDomain,
  meta: {
    title: 'Resource policy allows every action',
    description:
      'An `Allow` statement of a resource policy (S3 bucket, SQS queue, SNS topic, ECR repository, Secrets Manager secret, KMS key, API Gateway, EFS, OpenSearch, ...) grants `*` or a whole service (`sqs:*`, `s3:*`). The statement AWS puts in every default KMS key policy, `kms:*` for the key’s own account root, is not reported, nor are OpenSearch domains with fine-grained access control (AWS recommends an open `es:*` domain policy with it).',
    rationale:
      'A resource policy is meant to let a producer send, a consumer read, a service deliver; `sqs:*` or `s3:*` also lets that principal delete the resource, purge it or rewrite the policy itself, so one compromised producer can drop every message or open the bucket to the world. Medium: the principal is named, but it holds far more than it needs.',
    remediation:
      'List the actions the principal needs, e.g. `sqs:SendMessage` for a producer, `s3:GetObject` for a reader, `kms:Decrypt` for a consumer of encrypted data.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    // The former id (SQS only, before every resource policy was read) stays an alias for suppressions.
    aliases: ['AWS-0097', 'terraform/sqs-queue-policy-wildcard-action'],
    references: [
      'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html',
      'https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html',
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
    for (const { owner, service, statements, authenticates } of resourcePolicies(module)) {
      if (authenticates) continue;
      for (const s of statements) {
        if (s.effect !== 'Allow' || !s.action) continue;
        const wild = s.action.values.filter((a) => a === '*' || /^[a-z0-9-]+:\*$/i.test(a));
        if (wild.length === 0 || (service === 'kms' && delegatesToAccount(s))) continue;
        reportOn(
          ctx,
          owner,
          s.action.loc,
          `${nameOf(owner)} allows ${wild.map((w) => `\`${w}\``).join(', ')} in its resource policy.`,
          wild.join(','),
        );
      }
    }
  },
});
