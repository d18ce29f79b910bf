import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';
import { companions } from '../../lib/s3.js';

export default defineRule({
  id: 'terraform/s3-bucket-encryption',
  domain: terraformDomain,
  meta: {
    title: 'S3 bucket has no default encryption configured',
    description:
      'A bucket has no `aws_s3_bucket_server_side_encryption_configuration` (nor the inline block of provider v3).',
    rationale:
      'Since January 2023 S3 encrypts new objects with SSE-S3 even without configuration, so the data is not in clear text; the gap is that the encryption choice is implicit and cannot be audited or moved to a KMS key. Hence low.',
    remediation:
      'Add an `aws_s3_bucket_server_side_encryption_configuration` for the bucket, preferably with `sse_algorithm = "aws:kms"` and a customer-managed key.',
    category: 'security',
    severity: 'low',
    confidence: 'medium',
    aliases: ['CKV_AWS_19', 'AWS-0088'],
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html'],
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
          code: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\nresource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "aws:kms"\n    }\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const b of module.resourcesOf('aws_s3_bucket')) {
      if (b.hasBlock('server_side_encryption_configuration')) continue;
      const { linked, unresolved } = companions(
        module,
        b,
        'aws_s3_bucket_server_side_encryption_configuration',
      );
      if (linked.length > 0 || unresolved) continue;
      reportOn(ctx, b, b.headerLoc, `S3 bucket ${nameOf(b)} has no server-side encryption configuration.`);
    }
  },
});
