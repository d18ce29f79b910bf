import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'Deny with * principal (TLS-only policy)',
      code: 'resource "aws_s3_bucket_policy" "p" {\n  bucket = "b"\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Deny"\n      Principal = "*"\n      Action    = "s3:*"\n      Resource  = "*"\n      Condition = { Bool = { "aws:SecureTransport" = "false" } }\n    }]\n  })\n}\n',
    },
    {
      name: 'Allow * with a condition',
      code: 'resource "aws_s3_bucket_policy" "p" {\n  bucket = "b"\n  policy = jsonencode({\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { AWS = "*" }\n      Action    = "s3:GetObject"\n      Resource  = "*"\n      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-123" } }\n    }]\n  })\n}\n',
    },
    {
      name: 'policy from file() is unknown',
      code: 'resource "aws_s3_bucket_policy" "p" {\n  bucket = "b"\n  policy = file("policy.json")\n}\n',
    },
  ],
  invalid: [
    {
      name: 'heredoc JSON, reported at the Principal entry',
      code: 'resource "aws_s3_bucket_policy" "p" {\n  bucket = "b"\n  policy = <<EOF\n{\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Principal": {"AWS": "*"},\n      "Action": "s3:GetObject",\n      "Resource": "${aws_s3_bucket.b.arn}/*"\n    }\n  ]\n}\nEOF\n}\n',
      errors: [{ line: 8, column: 7, endLine: 8, endColumn: 32 }],
    },
    {
      name: 'policy document data source',
      code: 'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["s3:GetObject"]\n    resources = ["*"]\n    principals {\n      type        = "*"\n      identifiers = ["*"]\n    }\n  }\n}\nresource "aws_s3_bucket_policy" "p" {\n  bucket = "b"\n  policy = data.aws_iam_policy_document.d.json\n}\n',
      errors: [{ line: 5, column: 5, endLine: 8, endColumn: 6 }],
    },
  ],
});
