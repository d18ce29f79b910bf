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
      name: 'default KMS key policy: kms:* for the account root',
      code: 'data "aws_caller_identity" "current" {}\nresource "aws_kms_key" "logs" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Sid       = "EnableRootPermissions"\n      Effect    = "Allow"\n      Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }\n      Action    = "kms:*"\n      Resource  = "*"\n    }]\n  })\n}\n',
    },
    {
      name: 'S3 reader with object actions listed',
      code: 'resource "aws_s3_bucket_policy" "p" {\n  bucket = aws_s3_bucket.b.id\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { AWS = "arn:aws:iam::111122223333:role/reader" }\n      Action    = ["s3:GetObject", "s3:ListBucket"]\n      Resource  = [aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*"]\n    }]\n  })\n}\n',
    },
    {
      name: 'OpenSearch with fine-grained access control: open domain policy as AWS recommends',
      code: 'resource "aws_opensearch_domain" "logs" {\n  domain_name = "logs"\n  advanced_security_options {\n    enabled = true\n  }\n  access_policies = jsonencode({\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { AWS = "*" }\n      Action    = "es:*"\n      Resource  = "arn:aws:es:eu-west-1:111122223333:domain/logs/*"\n    }]\n  })\n}\n',
    },
    {
      name: 'deny all actions',
      code: 'resource "aws_sqs_queue_policy" "jobs" {\n  queue_url = aws_sqs_queue.jobs.id\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Deny"\n      Principal = "*"\n      Action    = "sqs:*"\n      Resource  = aws_sqs_queue.jobs.arn\n      Condition = { Bool = { "aws:SecureTransport" = "false" } }\n    }]\n  })\n}\n',
    },
  ],
  invalid: [
    {
      name: 'KMS key policy granting kms:* to a role',
      code: 'resource "aws_kms_key" "k" {\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { AWS = "arn:aws:iam::111122223333:role/app" }\n      Action    = "kms:*"\n      Resource  = "*"\n    }]\n  })\n}\n',
      errors: [{ line: 6, column: 7, endLine: 6, endColumn: 26, message: 'aws_kms_key.k' }],
    },
    {
      name: 'S3 bucket policy granting * to another account',
      code: 'resource "aws_s3_bucket_policy" "p" {\n  bucket = aws_s3_bucket.b.id\n  policy = <<-EOT\n    {\n      "Statement": [{\n        "Effect": "Allow",\n        "Principal": {"AWS": "arn:aws:iam::111122223333:root"},\n        "Action": "*",\n        "Resource": "${aws_s3_bucket.b.arn}/*"\n      }]\n    }\n  EOT\n}\n',
      errors: [{ line: 8, column: 9, endLine: 8, endColumn: 22 }],
    },
    {
      name: 'policy document with a wildcard among actions',
      code: 'data "aws_iam_policy_document" "jobs" {\n  statement {\n    actions   = ["sqs:SendMessage", "SQS:*"]\n    resources = [aws_sqs_queue.jobs.arn]\n    principals {\n      type        = "AWS"\n      identifiers = [var.producer_role_arn]\n    }\n  }\n}\nresource "aws_sqs_queue_policy" "jobs" {\n  queue_url = aws_sqs_queue.jobs.id\n  policy    = data.aws_iam_policy_document.jobs.json\n}\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 45 }],
    },
  ],
});
