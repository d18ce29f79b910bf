import { defineRule } from '@plumbline/core';
import { asBool, asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/s3-mfa-delete',
  domain: terraformDomain,
  meta: {
    title: 'Versioned S3 bucket does not require MFA to delete versions',
    description:
      'An `aws_s3_bucket_versioning` enables versioning without `mfa_delete = "Enabled"` (or a legacy `versioning` block of `aws_s3_bucket` without `mfa_delete = true`).',
    rationale:
      'Versioning protects against overwrites, but anyone with `s3:DeleteObjectVersion` can still erase every version; MFA delete makes permanent deletion and turning versioning off need the root user’s MFA code. It can only be enabled by the root user with its MFA device, and S3 Object Lock is usually the more practical control, hence low with low confidence.',
    remediation:
      'For buckets holding irreplaceable data, enable MFA delete as the root user (`mfa_delete = "Enabled"` with the `mfa` argument), or use S3 Object Lock in governance or compliance mode.',
    category: 'reliability',
    severity: 'low',
    confidence: 'low',
    aliases: ['AWS-0170'],
    references: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_s3_bucket_versioning" "records" {\n  bucket = aws_s3_bucket.records.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n',
          errors: [{ line: 3, column: 3, endLine: 3, endColumn: 27 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_s3_bucket_versioning" "records" {\n  bucket = aws_s3_bucket.records.id\n  mfa    = "arn:aws:iam::111122223333:mfa/root-account-mfa-device 123456"\n  versioning_configuration {\n    status     = "Enabled"\n    mfa_delete = "Enabled"\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const v of module.resourcesOf('aws_s3_bucket_versioning')) {
      for (const c of v.blocks('versioning_configuration')) {
        if (asString(c.value('status')) !== 'Enabled') continue;
        const a = c.attr('mfa_delete');
        if (!a) reportOn(ctx, v, c.headerLoc, `${nameOf(v)} does not require MFA to delete object versions.`);
        else if (asString(c.value('mfa_delete')) === 'Disabled')
          reportOn(ctx, v, a, `${nameOf(v)} does not require MFA to delete object versions.`);
      }
    }
    for (const b of module.resourcesOf('aws_s3_bucket')) {
      for (const c of b.blocks('versioning')) {
        if (asBool(c.value('enabled')) !== true) continue;
        const a = c.attr('mfa_delete');
        if (!a) reportOn(ctx, b, c.headerLoc, `${nameOf(b)} does not require MFA to delete object versions.`);
        else if (asBool(c.value('mfa_delete')) === false)
          reportOn(ctx, b, a, `${nameOf(b)} does not require MFA to delete object versions.`);
      }
    }
  },
});
