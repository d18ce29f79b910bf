import { defineRule } from '@plumbline/core';
import { asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/ecr-kms-encryption',
  domain: terraformDomain,
  meta: {
    title: 'ECR repository is not encrypted with KMS',
    description:
      'An `aws_ecr_repository` has no `encryption_configuration { encryption_type = "KMS" }`, so images are encrypted with S3-managed keys (AES256).',
    rationale:
      'Images are always encrypted at rest; a KMS key adds a separately audited permission on every layer pull and lets you cut off access by disabling the key. Images often contain application code and baked-in configuration, but this is defence in depth, hence low. The setting cannot be changed after creation, so decide when the repository is created.',
    remediation:
      'Add an `encryption_configuration` block with `encryption_type = "KMS"` and `kms_key = aws_kms_key.ecr.arn` (this replaces the repository).',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: ['CKV_AWS_136', 'AWS-0033'],
    references: ['https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_ecr_repository" "api" {\n  name = "api"\n  encryption_configuration {\n    encryption_type = "AES256"\n  }\n}\n',
          errors: [{ line: 4, column: 5, endLine: 4, endColumn: 31 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_ecr_repository" "api" {\n  name = "api"\n  encryption_configuration {\n    encryption_type = "KMS"\n    kms_key         = aws_kms_key.ecr.arn\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/ecr-kms-encryption');
    for (const r of module.resourcesOf('aws_ecr_repository')) {
      if (!r.hasBlock('encryption_configuration')) {
        reportOn(ctx, r, r.headerLoc, `ECR repository ${nameOf(r)} is encrypted with AES256, not KMS.`);
        continue;
      }
      for (const c of r.blocks('encryption_configuration')) {
        const a = c.attr('encryption_type');
        if (!a)
          reportOn(ctx, r, c.headerLoc, `ECR repository ${nameOf(r)} is encrypted with AES256, not KMS.`);
        else if (asString(c.value('encryption_type'))?.toUpperCase() === 'AES256')
          reportOn(ctx, r, a, `ECR repository ${nameOf(r)} is encrypted with AES256, not KMS.`);
      }
    }
  },
});
