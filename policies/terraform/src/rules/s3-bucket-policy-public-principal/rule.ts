import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { allowsEveryone, policyStatements } from '../../lib/iam.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/s3-bucket-policy-public-principal',
  domain: terraformDomain,
  meta: {
    title: 'S3 bucket policy allows any principal',
    description:
      'A bucket policy has an `Allow` statement for `Principal: "*"` (or `AWS: "*"`) with no `Condition`.',
    rationale:
      'An unconditioned Allow for every principal makes the bucket readable (or writable) by anyone on the internet, unless the public access block stops it. Deny statements with `*` are fine and are not reported. High, as for public ACLs.',
    remediation:
      'Name the principals (accounts, roles, `cloudfront.amazonaws.com` with an `aws:SourceArn` condition) instead of `*`, or add a restrictive `Condition`.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['CKV_AWS_70', 'CKV_AWS_283'],
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_s3_bucket_policy" "site" {\n  bucket = aws_s3_bucket.site.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Principal = "*"\n      Action    = "s3:GetObject"\n      Resource  = "${aws_s3_bucket.site.arn}/*"\n    }]\n  })\n}\n',
          errors: [{ line: 7, column: 7, endLine: 7, endColumn: 22 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_s3_bucket_policy" "site" {\n  bucket = aws_s3_bucket.site.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Principal = { Service = "cloudfront.amazonaws.com" }\n      Action    = "s3:GetObject"\n      Resource  = "${aws_s3_bucket.site.arn}/*"\n      Condition = { StringEquals = { "AWS:SourceArn" = aws_cloudfront_distribution.site.arn } }\n    }]\n  })\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    const owners = [
      ...module.resourcesOf('aws_s3_bucket_policy').map((r) => ({ r, attr: 'policy' })),
      ...module.resourcesOf('aws_s3_bucket').map((r) => ({ r, attr: 'policy' })),
    ];
    for (const { r, attr } of owners) {
      for (const s of policyStatements(r, attr)) {
        if (s.effect !== 'Allow' || !allowsEveryone(s) || s.conditions.length > 0 || s.conditionsUnknown)
          continue;
        reportOn(
          ctx,
          r,
          s.principalLoc ?? s.loc,
          `${nameOf(r)} allows any principal (\`*\`) without a condition.`,
        );
      }
    }
  },
});
