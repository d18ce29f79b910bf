import { defineRule } from '@plumbline/core';
import type { TfModule } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { backends } from '../../lib/backend.js';
import { reportOnce } from '../../lib/report.js';

interface Options {
  /** Also report root modules with providers and resources but no backend at all. */
  requireBackend: boolean;
}

export default defineRule<TfModule, Options>({
  id: 'terraform/backend-local-state',
  domain: terraformDomain,
  meta: {
    title: 'Terraform state is kept on local disk',
    description:
      'The configuration uses `backend "local"`. With the `requireBackend` option, root modules that configure providers and resources but declare no backend at all (so state defaults to a local file) are reported too.',
    rationale:
      'Local state lives on one laptop or one CI runner: it is lost with the disk, cannot be locked, shared or reviewed, and often ends up committed to Git with every secret in it. Shared infrastructure code needs a remote, encrypted, locked backend. Medium.',
    remediation:
      'Use a remote backend (`s3` with `encrypt` and `use_lockfile`, `gcs`, `azurerm`, or HCP Terraform) and migrate with `terraform init -migrate-state`.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'medium',
    aliases: [],
    references: ['https://developer.hashicorp.com/terraform/language/backend'],
    options: {
      schema: {
        type: 'object',
        properties: { requireBackend: { type: 'boolean' } },
        additionalProperties: false,
      },
      defaults: { requireBackend: false },
    },
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'terraform {\n  backend "local" {\n    path = "terraform.tfstate"\n  }\n}\n',
          errors: [{ line: 2, column: 3, endLine: 2, endColumn: 18 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'terraform {\n  backend "s3" {\n    bucket       = "acme-tf-state"\n    key          = "app/terraform.tfstate"\n    encrypt      = true\n    use_lockfile = true\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const b of backends(module, 'local')) {
      reportOnce(ctx, module, {
        at: b.headerLoc,
        message:
          'State is kept in a local file (`backend "local"`): it cannot be shared, locked or recovered.',
        container: b.loc,
      });
    }
    if (!ctx.options.requireBackend || module.kind !== 'config' || !module.isRoot) return;
    if (module.terraformBlocks.some((t) => t.hasBlock('backend') || t.hasBlock('cloud'))) return;
    const provider = module.providers[0];
    if (!provider || module.resources.length === 0) return;
    reportOnce(ctx, module, {
      at: provider.headerLoc,
      message: 'This root module declares no backend, so its state is a local file.',
      container: provider.loc,
    });
  },
});
