import { defineRule } from '@plumbline/core';
import { asBool } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { backends, isPartial } from '../../lib/backend.js';

export default defineRule({
  id: 'terraform/backend-s3-encrypt',
  domain: terraformDomain,
  meta: {
    title: 'S3 state backend does not encrypt the state',
    description:
      'A `backend "s3"` block does not set `encrypt = true`, so the state object is written without server-side encryption by Terraform.',
    rationale:
      'Terraform state holds every attribute of every resource in clear text: database passwords, private keys, tokens. The S3 backend only asks for server-side encryption when `encrypt = true`; a state file is the most valuable object in the account, hence high. No peer scanner checks the backend.',
    remediation:
      'Set `encrypt = true` in the `backend "s3"` block (and `kms_key_id` for a customer-managed key).',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: [],
    references: ['https://developer.hashicorp.com/terraform/language/backend/s3'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'terraform {\n  backend "s3" {\n    bucket = "acme-tf-state"\n    key    = "prod/eks/terraform.tfstate"\n    region = "eu-west-1"\n  }\n}\n',
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
    for (const backend of backends(module, 's3')) {
      if (isPartial(backend)) continue;
      const attr = backend.attr('encrypt');
      if (!attr) {
        ctx.report({
          at: backend.headerLoc,
          message:
            'The `backend "s3"` block does not set `encrypt = true`: the state is stored unencrypted by Terraform.',
          container: backend.loc,
        });
      } else if (asBool(backend.value('encrypt')) === false) {
        ctx.report({
          at: attr,
          message:
            'The `backend "s3"` block sets `encrypt = false`: the state is stored unencrypted by Terraform.',
          container: backend.loc,
        });
      }
    }
  },
});
