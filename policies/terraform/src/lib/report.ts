import type { Loc, Located, RuleContext } from '@plumbline/core';
import type { BlockView, TfResource } from '@plumbline/lang-hcl';

/**
 * Reports a finding on a resource: the resource address is the finding's `resource`, and the
 * resource block is its container, so an ignore comment inside or just above the block applies.
 */
export function reportOn(
  ctx: RuleContext<unknown>,
  owner: TfResource | BlockView,
  at: Loc | Located,
  message: string,
  evidence?: string,
): void {
  const resource = 'address' in owner ? (owner as TfResource).address : undefined;
  ctx.report({
    at,
    message,
    container: owner.loc,
    ...(resource ? { resource } : {}),
    ...(evidence !== undefined ? { evidence } : {}),
  });
}

/** `aws_s3_bucket.logs` as a message names it. */
export function nameOf(r: TfResource): string {
  return `\`${r.address}\``;
}
