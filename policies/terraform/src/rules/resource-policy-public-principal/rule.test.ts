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
      name: 'S3: Deny with * principal (TLS-only policy)',
      code: 'resource "aws_s3_bucket_policy" "p" {\n  bucket = "b"\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Deny"\n      Principal = "*"\n      Action    = "s3:*"\n      Resource  = "*"\n      Condition = { Bool = { "aws:SecureTransport" = "false" } }\n    }]\n  })\n}\n',
    },
    {
      name: 'S3: Allow * within the organisation',
      code: 'resource "aws_s3_bucket_policy" "p" {\n  bucket = "b"\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { AWS = "*" }\n      Action    = "s3:GetObject"\n      Resource  = "*"\n      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-123" } }\n    }]\n  })\n}\n',
    },
    {
      name: 'S3: CloudFront service principal with a SourceArn (hardened website bucket)',
      code: 'resource "aws_s3_bucket_policy" "site" {\n  bucket = aws_s3_bucket.site.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { Service = "cloudfront.amazonaws.com" }\n      Action    = "s3:GetObject"\n      Resource  = "${aws_s3_bucket.site.arn}/*"\n      Condition = { StringEquals = { "AWS:SourceArn" = aws_cloudfront_distribution.site.arn } }\n    }]\n  })\n}\n',
    },
    {
      name: 'private REST API: Allow * and Deny everyone outside the VPC endpoint',
      code: 'resource "aws_api_gateway_rest_api" "internal" {\n  name = "internal"\n  endpoint_configuration {\n    types            = ["PRIVATE"]\n    vpc_endpoint_ids = [aws_vpc_endpoint.api.id]\n  }\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [\n      {\n        Effect    = "Allow"\n        Principal = "*"\n        Action    = "execute-api:Invoke"\n        Resource  = "execute-api:/*"\n      },\n      {\n        Effect    = "Deny"\n        Principal = "*"\n        Action    = "execute-api:Invoke"\n        Resource  = "execute-api:/*"\n        Condition = { StringNotEquals = { "aws:SourceVpce" = aws_vpc_endpoint.api.id } }\n      },\n    ]\n  })\n}\n',
    },
    {
      name: 'Lambda permission: function URL with an auth type',
      code: 'resource "aws_lambda_permission" "url" {\n  action                 = "lambda:InvokeFunctionUrl"\n  function_name          = aws_lambda_function.api.function_name\n  principal              = "*"\n  function_url_auth_type = "AWS_IAM"\n}\n',
    },
    {
      name: 'Lambda permission: a service with a source ARN',
      code: 'resource "aws_lambda_permission" "s3" {\n  action        = "lambda:InvokeFunction"\n  function_name = aws_lambda_function.api.function_name\n  principal     = "s3.amazonaws.com"\n  source_arn    = aws_s3_bucket.uploads.arn\n}\n',
    },
    {
      name: 'S3: policy from file() is unknown',
      code: 'resource "aws_s3_bucket_policy" "p" {\n  bucket = "b"\n  policy = file("policy.json")\n}\n',
    },
    {
      name: 'policy from a file is unknown',
      code: 'resource "aws_secretsmanager_secret_policy" "db" {\n  secret_arn = aws_secretsmanager_secret.db.arn\n  policy     = file("${path.module}/policy.json")\n}\n',
    },
  ],
  invalid: [
    {
      name: 'S3: heredoc JSON, reported at the Principal entry',
      code: 'resource "aws_s3_bucket_policy" "p" {\n  bucket = "b"\n  policy = <<EOF\n{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": {"AWS": "*"},\n      "Action": "s3:GetObject",\n      "Resource": "${aws_s3_bucket.b.arn}/*"\n    }\n  ]\n}\nEOF\n}\n',
      errors: [{ line: 8, column: 7, endLine: 8, endColumn: 32 }],
    },
    {
      name: 'S3: policy document data source',
      code: 'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["s3:GetObject"]\n    resources = ["*"]\n    principals {\n      type        = "*"\n      identifiers = ["*"]\n    }\n  }\n}\nresource "aws_s3_bucket_policy" "p" {\n  bucket = "b"\n  policy = data.aws_iam_policy_document.d.json\n}\n',
      errors: [{ line: 5, column: 5, endLine: 8, endColumn: 6 }],
    },
    {
      name: 'S3: conditions on TLS and the Referer header do not narrow the caller',
      code: 'resource "aws_s3_bucket" "site" {\n  bucket = "acme-site"\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Allow"\n      Principal = "*"\n      Action    = "s3:GetObject"\n      Resource  = "arn:aws:s3:::acme-site/*"\n      Condition = {\n        Bool         = { "aws:SecureTransport" = "true" }\n        StringLike   = { "aws:Referer" = "https://www.acme.example/*" }\n      }\n    }]\n  })\n}\n',
      errors: [{ line: 6, column: 7, endLine: 6, endColumn: 22, message: 'aws_s3_bucket.site' }],
    },
    {
      name: 'KMS: a negated condition still admits everyone else',
      code: 'resource "aws_kms_key" "k" {\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { AWS = "*" }\n      Action    = "kms:Decrypt"\n      Resource  = "*"\n      Condition = { StringNotEquals = { "aws:PrincipalAccount" = "111122223333" } }\n    }]\n  })\n}\n',
      errors: [{ line: 5, column: 7, endLine: 5, endColumn: 32 }],
    },
    {
      name: 'REST API: a Deny on other actions does not close the Allow',
      code: 'resource "aws_api_gateway_rest_api_policy" "p" {\n  rest_api_id = aws_api_gateway_rest_api.api.id\n  policy = jsonencode({\n    Statement = [\n      { Effect = "Allow", Principal = "*", Action = "execute-api:Invoke", Resource = "*" },\n      {\n        Effect    = "Deny"\n        Principal = "*"\n        Action    = "execute-api:ManageConnections"\n        Resource  = "*"\n        Condition = { NotIpAddress = { "aws:SourceIp" = ["203.0.113.0/24"] } }\n      },\n    ]\n  })\n}\n',
      errors: [{ line: 5, column: 27, endLine: 5, endColumn: 42 }],
    },
    {
      name: 'Lambda permission for anyone',
      code: 'resource "aws_lambda_permission" "any" {\n  action        = "lambda:InvokeFunction"\n  function_name = aws_lambda_function.api.function_name\n  principal     = "*"\n}\n',
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 22, message: 'aws_lambda_permission.any' }],
    },
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
