import { defineRule } from '@plumbline/core';
import { asBool, asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { backends, isPartial } from '../../lib/backend.js';
import { reportOnce } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/backend-s3-locking',
  domain: terraformDomain,
  meta: {
    title: 'S3 state backend has no locking',
    description:
      'A `backend "s3"` block sets neither `use_lockfile = true` (Terraform 1.10+) nor `dynamodb_table`.',
    rationale:
      'Without a lock two applies (two engineers, or CI and a laptop) can run at once and write conflicting state: resources get orphaned or duplicated, and recovering means editing state by hand. No peer scanner checks this. High for shared state.',
    remediation:
      'Set `use_lockfile = true` (S3 native locking, Terraform 1.10+) or `dynamodb_table = "<lock table>"` on older versions.',
    category: 'reliability',
    severity: 'high',
    confidence: 'high',
    aliases: [],
    references: ['https://developer.hashicorp.com/terraform/language/backend/s3#state-locking'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'terraform {\n  backend "s3" {\n    bucket  = "acme-tf-state"\n    key     = "prod/eks/terraform.tfstate"\n    region  = "eu-west-1"\n    encrypt = true\n  }\n}\n',
          errors: [{ line: 2, column: 3, endLine: 2, endColumn: 15 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'terraform {\n  backend "s3" {\n    bucket       = "acme-tf-state"\n    key          = "prod/eks/terraform.tfstate"\n    region       = "eu-west-1"\n    encrypt      = true\n    use_lockfile = true\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const b of backends(module, 's3')) {
      if (isPartial(b)) continue;
      const lockfile = b.attr('use_lockfile');
      const table = b.attr('dynamodb_table');
      if (table && asString(b.value('dynamodb_table')) !== '') continue;
      if (lockfile && asBool(b.value('use_lockfile')) !== false) continue;
      if (lockfile)
        reportOnce(ctx, module, {
          at: lockfile,
          message:
            'The `backend "s3"` block sets `use_lockfile = false` and has no `dynamodb_table`: state is not locked.',
          container: b.loc,
        });
      else
        reportOnce(ctx, module, {
          at: b.headerLoc,
          message:
            'The `backend "s3"` block has no `use_lockfile = true` or `dynamodb_table`: state is not locked.',
          container: b.loc,
        });
    }
  },
});
