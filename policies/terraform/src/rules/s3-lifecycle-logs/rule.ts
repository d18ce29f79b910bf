import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';
import { companions, logBuckets } from '../../lib/s3.js';

export default defineRule({
  id: 'terraform/s3-lifecycle-logs',
  domain: terraformDomain,
  meta: {
    title: 'Log bucket has no lifecycle rule',
    description:
      'A bucket that receives logs (S3 access logs, CloudTrail, load balancer or flow logs) has no lifecycle configuration.',
    rationale:
      'Log buckets grow without bound: storage cost creeps up and old logs outlive their retention policy (a compliance problem of its own). A cost and hygiene issue, hence low.',
    remediation:
      'Add an `aws_s3_bucket_lifecycle_configuration` that moves logs to cheaper storage and expires them after your retention period.',
    category: 'reliability',
    severity: 'low',
    confidence: 'medium',
    aliases: ['CKV2_AWS_61'],
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lifecycle-mgmt.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n\nresource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = aws_s3_bucket.logs.id\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 32 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n\nresource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = aws_s3_bucket.logs.id\n}\n\nresource "aws_s3_bucket_lifecycle_configuration" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  rule {\n    id     = "expire"\n    status = "Enabled"\n    expiration {\n      days = 365\n    }\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const b of logBuckets(module)) {
      if (b.hasBlock('lifecycle_rule')) continue;
      const { linked, unresolved } = companions(module, b, 'aws_s3_bucket_lifecycle_configuration');
      if (linked.length > 0 || unresolved) continue;
      reportOn(ctx, b, b.headerLoc, `Log bucket ${nameOf(b)} has no lifecycle rule to expire old logs.`);
    }
  },
});
