import { defineRule } from '@plumbline/core';
import { asBool, type TfModule } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';
import { companions } from '../../lib/s3.js';

/** True unless an account-wide public access block is known to leave a setting off. */
function accountBlocked(module: TfModule): boolean {
  return module
    .resourcesOf('aws_s3_account_public_access_block')
    .some((r) =>
      ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'].every(
        (a) => asBool(r.value(a)) !== false,
      ),
    );
}

export default defineRule({
  id: 'terraform/s3-bucket-public-access-block',
  domain: terraformDomain,
  meta: {
    title: 'S3 bucket has no public access block',
    description:
      'An `aws_s3_bucket` has no `aws_s3_bucket_public_access_block` (and no account-wide block) in its module.',
    rationale:
      'The public access block is the guard rail that stops a later ACL or bucket policy from making objects public. Medium, not high: since April 2023 AWS turns all four settings on for every new bucket and disables ACLs, so a missing `aws_s3_bucket_public_access_block` usually leaves the safe account default in place; it matters for buckets created before then, for accounts that relaxed the default, and as the explicit record that the bucket must stay private. A bucket that is actually exposed is reported by `s3-bucket-public-acl` and `resource-policy-public-principal` (high).',
    remediation:
      'Add an `aws_s3_bucket_public_access_block` with `bucket = aws_s3_bucket.<name>.id` and all four settings `true` (or an `aws_s3_account_public_access_block` for the whole account).',
    category: 'security',
    severity: 'medium',
    confidence: 'medium',
    aliases: ['CKV2_AWS_6', 'AWS-0094'],
    references: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 32 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n\nresource "aws_s3_bucket_public_access_block" "logs" {\n  bucket                  = aws_s3_bucket.logs.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    if (accountBlocked(module)) return;
    for (const bucket of module.resourcesOf('aws_s3_bucket')) {
      const { linked, unresolved } = companions(module, bucket, 'aws_s3_bucket_public_access_block');
      if (linked.length > 0 || unresolved) continue;
      reportOn(
        ctx,
        bucket,
        bucket.headerLoc,
        `S3 bucket ${nameOf(bucket)} has no \`aws_s3_bucket_public_access_block\`.`,
      );
    }
  },
});
