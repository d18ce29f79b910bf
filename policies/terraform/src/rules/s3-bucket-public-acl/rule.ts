import { defineRule } from '@plumbline/core';
import { asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

const PUBLIC = new Set(['public-read', 'public-read-write', 'authenticated-read']);

export default defineRule({
  id: 'terraform/s3-bucket-public-acl',
  domain: terraformDomain,
  meta: {
    title: 'S3 bucket has a public canned ACL',
    description:
      'A bucket (or `aws_s3_bucket_acl`) uses the canned ACL `public-read`, `public-read-write` or `authenticated-read`.',
    rationale:
      'These ACLs let anyone on the internet (or any AWS account) list or read the bucket, and `public-read-write` lets them write to it. This is how most S3 data leaks happen, hence high.',
    remediation:
      'Use `acl = "private"` (or drop the ACL and set `object_ownership = "BucketOwnerEnforced"`); serve public content through CloudFront with an origin access control.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['CKV_AWS_20', 'CKV_AWS_57', 'AWS-0092', 'AWS-0161'],
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_s3_bucket_acl" "site" {\n  bucket = aws_s3_bucket.site.id\n  acl    = "public-read"\n}\n',
          errors: [{ line: 3, column: 3, endLine: 3, endColumn: 25 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_s3_bucket_acl" "site" {\n  bucket = aws_s3_bucket.site.id\n  acl    = "private"\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/s3-bucket-public-acl');
    for (const r of module.resourcesOf('aws_s3_bucket', 'aws_s3_bucket_acl')) {
      const acl = asString(r.value('acl'));
      if (acl && PUBLIC.has(acl))
        reportOn(ctx, r, r.attr('acl')!, `${nameOf(r)} uses the public canned ACL \`${acl}\`.`);
    }
  },
});
