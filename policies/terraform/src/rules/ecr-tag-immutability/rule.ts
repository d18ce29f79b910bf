import { defineRule } from '@plumbline/core';
import { asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/ecr-tag-immutability',
  domain: terraformDomain,
  meta: {
    title: 'ECR repository allows tags to be overwritten',
    description:
      'An `aws_ecr_repository` leaves `image_tag_mutability` at its default `MUTABLE` or sets it explicitly. `IMMUTABLE` and `IMMUTABLE_WITH_EXCLUSION` are fine.',
    rationale:
      'With mutable tags, whoever can push can replace `api:1.4.2` with a different image; every deployment that pulls by tag then runs it, and rollbacks and audits no longer mean what they say. Medium: pulling by digest avoids it, but most manifests pull by tag.',
    remediation:
      'Set `image_tag_mutability = "IMMUTABLE"` (or `IMMUTABLE_WITH_EXCLUSION` with exclusion filters for moving tags such as `latest`).',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['CKV_AWS_51', 'AWS-0031'],
    references: ['https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_ecr_repository" "api" {\n  name                 = "api"\n  image_tag_mutability = "MUTABLE"\n}\n',
          errors: [{ line: 3, column: 3, endLine: 3, endColumn: 35 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_ecr_repository" "api" {\n  name                 = "api"\n  image_tag_mutability = "IMMUTABLE"\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/ecr-tag-immutability');
    for (const r of module.resourcesOf('aws_ecr_repository')) {
      const a = r.attr('image_tag_mutability');
      if (!a) reportOn(ctx, r, r.headerLoc, `ECR repository ${nameOf(r)} has mutable tags (the default).`);
      else if (asString(r.value('image_tag_mutability'))?.toUpperCase() === 'MUTABLE')
        reportOn(ctx, r, a, `ECR repository ${nameOf(r)} has mutable tags.`);
    }
  },
});
