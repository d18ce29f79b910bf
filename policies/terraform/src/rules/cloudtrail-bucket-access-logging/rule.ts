import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';
import { companions } from '../../lib/s3.js';

export default defineRule({
  id: 'terraform/cloudtrail-bucket-access-logging',
  domain: terraformDomain,
  meta: {
    title: 'CloudTrail bucket has no access logging',
    description:
      'The `aws_s3_bucket` that an `aws_cloudtrail` of the same module writes to has no server access logging (no `aws_s3_bucket_logging` and no `logging` block). Reported at the bucket.',
    rationale:
      'The trail bucket is the audit record; access logs on it show who read, copied or tried to delete the trail files, which is exactly what an intruder covering tracks would do. Other log buckets are exempt from `terraform/s3-bucket-logging`, this one is not. Low.',
    remediation:
      'Add an `aws_s3_bucket_logging` for the trail bucket, targeting a separate access-log bucket.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: ['AWS-0163'],
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_s3_bucket" "trail" {\n  bucket = "acme-cloudtrail"\n}\nresource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = aws_s3_bucket.trail.id\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 33 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_s3_bucket" "trail" {\n  bucket = "acme-cloudtrail"\n}\nresource "aws_s3_bucket_logging" "trail" {\n  bucket        = aws_s3_bucket.trail.id\n  target_bucket = aws_s3_bucket.access_logs.id\n  target_prefix = "cloudtrail/"\n}\nresource "aws_cloudtrail" "main" {\n  name           = "main"\n  s3_bucket_name = aws_s3_bucket.trail.id\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    const buckets = module.resourcesOf('aws_s3_bucket');
    const seen = new Set<string>();
    for (const t of module.resourcesOf('aws_cloudtrail')) {
      const target = t.value('s3_bucket_name');
      for (const b of buckets) {
        if (seen.has(b.address) || !b.isReferencedBy(target, 'bucket')) continue;
        seen.add(b.address);
        if (b.hasBlock('logging')) continue;
        const { linked, unresolved } = companions(module, b, 'aws_s3_bucket_logging');
        if (linked.length > 0 || unresolved) continue;
        reportOn(ctx, b, b.headerLoc, `CloudTrail bucket ${nameOf(b)} has no access logging.`);
      }
    }
  },
});
