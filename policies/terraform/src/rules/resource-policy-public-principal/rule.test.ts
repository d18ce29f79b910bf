import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

const queuePolicy = (principal: string, condition = '') =>
  `resource "aws_sqs_queue" "events" {\n  name = "events"\n}\ndata "aws_iam_policy_document" "events" {\n  statement {\n    actions   = ["sqs:SendMessage"]\n    resources = [aws_sqs_queue.events.arn]\n    principals {\n      type        = "${principal.split('=')[0]}"\n      identifiers = ["${principal.split('=')[1]}"]\n    }\n${condition}  }\n}\nresource "aws_sqs_queue_policy" "events" {\n  queue_url = aws_sqs_queue.events.id\n  policy    = data.aws_iam_policy_document.events.json\n}\n`;

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'service principal', code: queuePolicy('Service=events.amazonaws.com') },
    {
      name: 'any principal with a SourceArn condition',
      code: queuePolicy(
        'AWS=*',
        '    condition {\n      test     = "ArnEquals"\n      variable = "aws:SourceArn"\n      values   = [aws_sns_topic.orders.arn]\n    }\n',
      ),
    },
    {
      name: 'KMS key policy scoped by kms:CallerAccount',
      code: 'resource "aws_kms_key" "logs" {\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { AWS = "*" }\n      Action    = "kms:Decrypt"\n      Resource  = "*"\n      Condition = { StringEquals = { "kms:CallerAccount" = "111122223333" } }\n    }]\n  })\n}\n',
    },
    {
      name: 'deny statement for everyone',
      code: 'resource "aws_sns_topic_policy" "t" {\n  arn = aws_sns_topic.t.arn\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Deny"\n      Principal = "*"\n      Action    = "sns:Publish"\n      Resource  = aws_sns_topic.t.arn\n    }]\n  })\n}\n',
    },
    {
      name: 'OpenSearch with fine-grained access control',
      code: 'resource "aws_opensearch_domain" "logs" {\n  domain_name = "logs"\n  advanced_security_options {\n    enabled                        = true\n    internal_user_database_enabled = true\n  }\n  access_policies = jsonencode({\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { AWS = "*" }\n      Action    = "es:*"\n      Resource  = "arn:aws:es:eu-west-1:111122223333:domain/logs/*"\n    }]\n  })\n}\n',
    },
    {
      name: 'policy from a file is unknown',
      code: 'resource "aws_secretsmanager_secret_policy" "db" {\n  secret_arn = aws_secretsmanager_secret.db.arn\n  policy     = file("${path.module}/policy.json")\n}\n',
    },
  ],
  invalid: [
    {
      name: 'domain policy for an OpenSearch domain without fine-grained access control',
      code: 'resource "aws_opensearch_domain" "logs" {\n  domain_name = "logs"\n}\nresource "aws_opensearch_domain_policy" "logs" {\n  domain_name = aws_opensearch_domain.logs.domain_name\n  access_policies = jsonencode({\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { AWS = "*" }\n      Action    = "es:ESHttpGet"\n      Resource  = "${aws_opensearch_domain.logs.arn}/*"\n    }]\n  })\n}\n',
      errors: [{ line: 9, column: 7, endLine: 9, endColumn: 32 }],
    },
    {
      name: 'SQS queue policy from a policy document',
      code: queuePolicy('AWS=*'),
      errors: [{ line: 8, column: 5, endLine: 11, endColumn: 6, message: 'aws_sqs_queue_policy.events' }],
    },
    {
      name: 'secret policy as heredoc JSON',
      code: 'resource "aws_secretsmanager_secret_policy" "db" {\n  secret_arn = aws_secretsmanager_secret.db.arn\n  policy     = <<-EOT\n    {\n      "Version": "2012-10-17",\n      "Statement": [{\n        "Effect": "Allow",\n        "Principal": {"AWS": "*"},\n        "Action": "secretsmanager:GetSecretValue",\n        "Resource": "*"\n      }]\n    }\n  EOT\n}\n',
      errors: [{ line: 8, column: 9, endLine: 8, endColumn: 34 }],
    },
  ],
});
