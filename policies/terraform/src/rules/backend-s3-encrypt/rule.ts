import { defineRule } from '@plumbline/core';
import { asBool } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { backends, isPartial } from '../../lib/backend.js';
import { reportOnce } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/backend-s3-encrypt',
  domain: terraformDomain,
  meta: {
    title: 'S3 state backend does not encrypt the state',
    description:
      'A `backend "s3"` block does not set `encrypt = true`, so Terraform does not ask S3 to encrypt the state object; it is protected only by whatever default encryption the bucket has.',
    rationale:
      'Terraform state holds every attribute of every resource in clear text: database passwords, private keys, tokens. Since January 2023 S3 encrypts new objects with S3-managed keys (SSE-S3) by default, so an unencrypted state object is unlikely on a new bucket; but without `encrypt = true` (and `kms_key_id`) the code does not guarantee it, old buckets and buckets with other defaults differ, and only a KMS key adds access control and audit on the decryption. Medium: a real gap in the most sensitive object of the account, usually covered by the bucket default. No peer scanner checks the backend.',
    remediation:
      'Set `encrypt = true` in the `backend "s3"` block (and `kms_key_id` for a customer-managed key).',
    category: 'security',
    severity: 'medium',
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
        reportOnce(ctx, module, {
          at: backend.headerLoc,
          message:
            'The `backend "s3"` block does not set `encrypt = true`: Terraform does not ask for the state to be encrypted, so it relies on the bucket\'s default encryption.',
          container: backend.loc,
        });
      } else if (asBool(backend.value('encrypt')) === false) {
        reportOnce(ctx, module, {
          at: attr,
          message:
            'The `backend "s3"` block sets `encrypt = false`: Terraform does not ask for the state to be encrypted, so it relies on the bucket\'s default encryption.',
          container: backend.loc,
        });
      }
    }
  },
});
