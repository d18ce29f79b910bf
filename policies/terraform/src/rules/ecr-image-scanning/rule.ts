import { defineRule } from '@plumbline/core';
import { asBool } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/ecr-image-scanning',
  domain: terraformDomain,
  meta: {
    title: 'ECR repository does not scan images on push',
    description:
      'An `aws_ecr_repository` has no `image_scanning_configuration { scan_on_push = true }`. Not reported when the module configures registry-wide scanning (`aws_ecr_registry_scanning_configuration`), which replaces the per-repository setting.',
    rationale:
      'Scanning on push is the cheapest moment to learn that an image ships a known-vulnerable package, before it reaches a cluster. It is off by default. Medium: it finds problems rather than preventing them.',
    remediation:
      'Add `image_scanning_configuration { scan_on_push = true }`, or turn on enhanced scanning for the registry with `aws_ecr_registry_scanning_configuration`.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['CKV_AWS_163', 'AWS-0030'],
    references: ['https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_ecr_repository" "api" {\n  name                 = "api"\n  image_tag_mutability = "IMMUTABLE"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 36 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_ecr_repository" "api" {\n  name                 = "api"\n  image_tag_mutability = "IMMUTABLE"\n  image_scanning_configuration {\n    scan_on_push = true\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    if (module.resourcesOf('aws_ecr_registry_scanning_configuration').length > 0) return;
    checkRegistryModules(module, ctx, 'terraform/ecr-image-scanning');
    for (const r of module.resourcesOf('aws_ecr_repository')) {
      const configs = r.blocks('image_scanning_configuration');
      if (configs.length === 0) {
        if (!r.hasBlock('image_scanning_configuration'))
          reportOn(ctx, r, r.headerLoc, `ECR repository ${nameOf(r)} does not scan images on push.`);
        continue;
      }
      for (const c of configs) {
        const a = c.attr('scan_on_push');
        if (!a) reportOn(ctx, r, c.headerLoc, `ECR repository ${nameOf(r)} does not scan images on push.`);
        else if (asBool(c.value('scan_on_push')) === false)
          reportOn(ctx, r, a, `ECR repository ${nameOf(r)} sets \`scan_on_push = false\`.`);
      }
    }
  },
});
