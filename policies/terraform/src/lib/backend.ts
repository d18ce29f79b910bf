import type { BlockView, TfModule } from '@plumbline/lang-hcl';

/** `backend "<type>"` blocks of the module's `terraform` blocks. */
export function backends(module: TfModule, type?: string): BlockView[] {
  return module.terraformBlocks
    .flatMap((t) => t.blocks('backend'))
    .filter((b) => type === undefined || b.labels[0] === type);
}

/**
 * True for `backend "s3" {}` with no attribute at all: a partial configuration completed at
 * `terraform init -backend-config=...`, which the scanner cannot see.
 */
export function isPartial(backend: BlockView): boolean {
  return backend.block.attributes.length === 0 && backend.block.blocks.length === 0;
}
