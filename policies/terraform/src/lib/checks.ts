import type { RuleContext } from '@plumbline/core';
import { asBool, type BlockView, type TfResource } from '@plumbline/lang-hcl';
import { reportOn } from './report.js';

/**
 * A boolean attribute that must be `true`: reported at the block header when missing (unless
 * its default is safe), at the attribute when known `false`, never when unknown.
 */
export function requireTrue(
  ctx: RuleContext<unknown>,
  owner: TfResource,
  view: BlockView,
  attr: string,
  messages: { missing?: string; off: string },
): void {
  const a = view.attr(attr);
  if (!a) {
    if (messages.missing) reportOn(ctx, owner, view.headerLoc, messages.missing);
    return;
  }
  if (asBool(view.value(attr)) === false) reportOn(ctx, owner, a, messages.off);
}

/** A boolean attribute that must not be `true`. */
export function forbidTrue(
  ctx: RuleContext<unknown>,
  owner: TfResource,
  view: BlockView,
  attr: string,
  message: string,
): void {
  const a = view.attr(attr);
  if (a && asBool(view.value(attr)) === true) reportOn(ctx, owner, a, message);
}
