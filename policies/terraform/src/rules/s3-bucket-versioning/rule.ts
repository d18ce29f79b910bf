import { defineRule } from '@plumbline/core';
import { asBool, asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';
import { companions } from '../../lib/s3.js';

export default defineRule({
  id: 'terraform/s3-bucket-versioning',
  domain: terraformDomain,
  meta: {
    title: 'S3 bucket versioning is not enabled',
    description:
      'A bucket has no `aws_s3_bucket_versioning` with `status = "Enabled"` (nor inline `versioning { enabled = true }`).',
    rationale:
      'Without versioning an overwrite or delete (a bug, a compromised key, ransomware) destroys the only copy of the object. Versioning is the cheapest recovery mechanism S3 offers; medium because it is about recoverability, not exposure.',
    remediation:
      'Add `aws_s3_bucket_versioning` with `versioning_configuration { status = "Enabled" }`, and a lifecycle rule expiring noncurrent versions.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'medium',
    aliases: ['CKV_AWS_21', 'AWS-0090'],
    references: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html'],
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
          code: 'resource "aws_s3_bucket" "data" {\n  bucket = "acme-data"\n}\n\nresource "aws_s3_bucket_versioning" "data" {\n  bucket = aws_s3_bucket.data.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/s3-bucket-versioning');
    for (const b of module.resourcesOf('aws_s3_bucket')) {
      const inline = b.blocks('versioning');
      if (inline.length > 0) {
        for (const v of inline) {
          const enabled = v.attr('enabled');
          if (enabled && asBool(v.value('enabled')) === false)
            reportOn(ctx, b, enabled, `S3 bucket ${nameOf(b)} has versioning disabled.`);
          else if (!enabled)
            reportOn(
              ctx,
              b,
              v.headerLoc,
              `S3 bucket ${nameOf(b)} has a \`versioning\` block without \`enabled = true\`.`,
            );
        }
        continue;
      }
      const { linked, unresolved } = companions(module, b, 'aws_s3_bucket_versioning');
      // An unresolved companion may be this bucket's, but never hides a linked one's `Suspended`.
      if (linked.length === 0) {
        if (!unresolved) reportOn(ctx, b, b.headerLoc, `S3 bucket ${nameOf(b)} has no versioning.`);
        continue;
      }
      for (const v of linked) {
        for (const c of v.blocks('versioning_configuration')) {
          const status = asString(c.value('status'));
          if (status !== undefined && status !== 'Enabled') {
            reportOn(ctx, v, c.attr('status')!, `Versioning of S3 bucket ${nameOf(b)} is \`${status}\`.`);
          }
        }
      }
    }
  },
});
