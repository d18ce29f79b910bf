import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { reportOnce } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/required-version',
  domain: terraformDomain,
  meta: {
    title: 'Terraform version is not constrained',
    description: 'The module has a `terraform` block but no `required_version`.',
    rationale:
      'Without `required_version`, an older or much newer Terraform CLI may run the code: features silently missing, or a state upgrade that older CLIs on the team can no longer read. Low.',
    remediation:
      'Add `required_version = ">= 1.6, < 2.0"` (the range you test with) to the `terraform` block.',
    category: 'best-practice',
    severity: 'low',
    confidence: 'high',
    aliases: [],
    references: ['https://developer.hashicorp.com/terraform/language/terraform#terraform-required_version'],
    examples: {
      invalid: [
        {
          filename: 'versions.tf',
          code: 'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n  }\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 10 }],
        },
      ],
      valid: [
        {
          filename: 'versions.tf',
          code: 'terraform {\n  required_version = ">= 1.6"\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    const blocks = module.terraformBlocks;
    if (blocks.length === 0 || blocks.some((b) => b.has('required_version'))) return;
    reportOnce(ctx, module, {
      at: blocks[0]!.headerLoc,
      message:
        'No `required_version` in the `terraform` block: any Terraform CLI version may run this module.',
      container: blocks[0]!.loc,
    });
  },
});
