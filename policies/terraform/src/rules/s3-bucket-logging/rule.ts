import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';
import { companions, logBuckets } from '../../lib/s3.js';

export default defineRule({
  id: 'terraform/s3-bucket-logging',
  domain: terraformDomain,
  meta: {
    title: 'S3 bucket has no access logging',
    description:
      'A bucket has no `aws_s3_bucket_logging` (nor inline `logging`). Buckets that themselves receive logs are not reported.',
    rationale:
      'Server access logs are the record of who read or changed which object; without them a leak cannot be scoped. CloudTrail data events are an alternative, which is why this is low.',
    remediation:
      'Add an `aws_s3_bucket_logging` sending access logs to a dedicated log bucket (or enable CloudTrail S3 data events).',
    category: 'security',
    severity: 'low',
    confidence: 'medium',
    aliases: ['CKV_AWS_18', 'AWS-0089'],
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 32 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\nresource "aws_s3_bucket_logging" "data" {\n  bucket        = aws_s3_bucket.data.id\n  target_bucket = "acme-access-logs"\n  target_prefix = "data/"\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    const targets = logBuckets(module);
    for (const b of module.resourcesOf('aws_s3_bucket')) {
      if (targets.has(b) || b.hasBlock('logging')) continue;
      const { linked, unresolved } = companions(module, b, 'aws_s3_bucket_logging');
      if (linked.length > 0 || unresolved) continue;
      reportOn(ctx, b, b.headerLoc, `S3 bucket ${nameOf(b)} has no access logging.`);
    }
  },
});
