import type { LineFix, Loc, Located, RuleContext } from '@plumbline/core';
import type { Attribute, BlockView, TfModule, TfResource } from '@plumbline/lang-hcl';

/**
 * In an instance of a local module, an attribute written as exactly `var.x` got its value from
 * the call's argument `x`: that argument is where the value is chosen, so a finding points there
 * (the call path is in the resource address, `module.db["prod"].aws_db_instance.this`).
 */
function argumentOf(owner: TfResource | BlockView, at: Loc | Located): Attribute | undefined {
  if (!('expr' in at) || !('name' in at)) return undefined;
  const expr = (at as Attribute).expr;
  if (expr.kind !== 'ref' || expr.root !== 'var' || expr.steps.length !== 1) return undefined;
  const step = expr.steps[0]!;
  if (!('attr' in step) || owner.module.callers.length !== 1 || !owner.module.prefix) return undefined;
  return owner.module.callers[0]!.call.view.attr(step.attr);
}

/**
 * Every instance of a local module shares its text: a finding on a line of the module that no
 * call argument chose is reported once, for the first instance, not once per call. False when
 * another instance already reported it.
 */
export function firstForInstances(
  ctx: RuleContext<unknown>,
  module: TfModule,
  at: Loc | Located,
  message: string,
): boolean {
  const prefix = module.prefix;
  if (!prefix) return true;
  const loc = 'file' in at ? at : at.loc;
  const key = `${loc.file.path}:${loc.start}:${loc.end}:${message.split(`${prefix}.`).join('')}`;
  const seen = ctx.project.memo('terraform.instance-findings', () => new Set<string>());
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

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
  /** A fix of the reported line; dropped when the finding moves to a module call's argument. */
  fix?: LineFix,
): void {
  const resource = 'address' in owner ? (owner as TfResource).address : undefined;
  const argument = argumentOf(owner, at);
  if (!argument && !firstForInstances(ctx, owner.module, at, message)) return;
  ctx.report({
    at: argument ?? at,
    message,
    container: argument ? owner.module.callers[0]!.call.view.loc : owner.loc,
    ...(resource ? { resource } : {}),
    ...(evidence !== undefined ? { evidence } : {}),
    ...(fix && !argument ? { fix } : {}),
  });
}

/** `aws_s3_bucket.logs` as a message names it. */
export function nameOf(r: TfResource): string {
  return `\`${r.address}\``;
}
