import { defineRule } from '@plumbline/core';
import { asString, type BlockView } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

function defaults(config: BlockView): BlockView[] {
  return config.blocks('rule').flatMap((r) => r.blocks('apply_server_side_encryption_by_default'));
}

export default defineRule({
  id: 'terraform/s3-bucket-kms-encryption',
  domain: terraformDomain,
  meta: {
    title: 'S3 bucket encryption does not use a KMS key',
    description:
      'A bucket encryption configuration uses `sse_algorithm = "AES256"` (S3-managed keys) instead of AWS KMS.',
    rationale:
      'With S3-managed keys anyone who can read the object can decrypt it; a KMS key adds a second, separately audited permission and lets you revoke access to the data by disabling the key. A defence-in-depth gap, hence low.',
    remediation:
      'Use `sse_algorithm = "aws:kms"` (or `aws:kms:dsse`) with `kms_master_key_id` set to a customer-managed key, and `bucket_key_enabled = true` to keep costs down.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: ['CKV_AWS_145', 'AWS-0132'],
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "AES256"\n    }\n  }\n}\n',
          errors: [{ line: 5, column: 7, endLine: 5, endColumn: 31 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_s3_bucket_server_side_encryption_configuration" "data" {\n  bucket = aws_s3_bucket.data.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.s3.arn\n    }\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    const configs: [import('@plumbline/lang-hcl').TfResource, BlockView][] = [];
    for (const r of module.resourcesOf('aws_s3_bucket_server_side_encryption_configuration'))
      configs.push([r, r]);
    for (const b of module.resourcesOf('aws_s3_bucket'))
      for (const c of b.blocks('server_side_encryption_configuration')) configs.push([b, c]);
    for (const [owner, config] of configs) {
      for (const d of defaults(config)) {
        if (asString(d.value('sse_algorithm')) === 'AES256') {
          reportOn(
            ctx,
            owner,
            d.attr('sse_algorithm')!,
            `${nameOf(owner)} encrypts with S3-managed keys (AES256), not a KMS key.`,
          );
        }
      }
    }
  },
});
