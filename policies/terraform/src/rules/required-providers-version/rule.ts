import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { reportOnce } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/required-providers-version',
  domain: terraformDomain,
  meta: {
    title: 'Provider has no version constraint',
    description: 'An entry of `required_providers` has a `source` but no `version` constraint.',
    rationale:
      'Without a constraint `terraform init` takes the newest provider, and a major release (the AWS provider’s v4 S3 split, v5, v6) can change or destroy resources on the next apply. The lock file helps only where it is committed. No peer scanner checks this. Medium, supply chain.',
    remediation:
      'Add `version = "~> 5.0"` (a pessimistic constraint on the major version) and commit `.terraform.lock.hcl`.',
    category: 'supply-chain',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: [
      'https://developer.hashicorp.com/terraform/language/providers/requirements#version-constraints',
    ],
    examples: {
      invalid: [
        {
          filename: 'versions.tf',
          code: 'terraform {\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n    }\n  }\n}\n',
          errors: [{ line: 3, column: 5, endLine: 5, endColumn: 6 }],
        },
      ],
      valid: [
        {
          filename: 'versions.tf',
          code: 'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const t of module.terraformBlocks) {
      for (const rp of t.blocks('required_providers')) {
        for (const a of rp.block.attributes) {
          if (a.expr.kind !== 'object') continue;
          if (a.expr.items.some((i) => i.name === 'version')) continue;
          reportOnce(ctx, module, {
            at: a,
            message: `Provider \`${a.name}\` in \`required_providers\` has no version constraint.`,
            container: rp.loc,
          });
        }
      }
    }
  },
});
