import { defineRule } from '@plumbline/core';
import { asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/s3-bucket-name-dns',
  domain: terraformDomain,
  meta: {
    title: 'S3 bucket name is not DNS-compatible',
    description:
      'An `aws_s3_bucket` has a `bucket` (or `bucket_prefix`) with dots, capital letters or underscores.',
    rationale:
      'A name with dots breaks TLS for virtual-hosted URLs (`my.bucket.s3.amazonaws.com` does not match the `*.s3.amazonaws.com` certificate), so clients fall back to path-style URLs, which AWS is retiring, or skip certificate checks; Transfer Acceleration refuses such buckets. Capitals and underscores are rejected for new buckets. Low.',
    remediation:
      'Use lowercase letters, digits and hyphens only (`acme-prod-assets`). A bucket cannot be renamed: create a new one and copy the data.',
    category: 'best-practice',
    severity: 'low',
    confidence: 'high',
    aliases: ['AWS-0320'],
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_s3_bucket" "assets" {\n  bucket = "assets.acme.com"\n}\n',
          errors: [{ line: 2, column: 3, endLine: 2, endColumn: 29 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_s3_bucket" "assets" {\n  bucket = "acme-com-assets"\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const b of module.resourcesOf('aws_s3_bucket')) {
      for (const attr of ['bucket', 'bucket_prefix']) {
        const a = b.attr(attr);
        const name = asString(b.value(attr));
        if (!a || name === undefined) continue;
        const problems = [
          name.includes('.') ? 'dots' : undefined,
          /[A-Z]/.test(name) ? 'capital letters' : undefined,
          name.includes('_') ? 'underscores' : undefined,
        ].filter((p) => p !== undefined);
        if (problems.length === 0) continue;
        reportOn(
          ctx,
          b,
          a,
          `Bucket name of ${nameOf(b)} has ${problems.join(' and ')}; it is not DNS-compatible.`,
        );
      }
    }
  },
});
