import { posix } from 'node:path';
import type { LineFix, Loc, Located, Report, RuleContext } from '@plumbline/core';
import { type Attribute, BlockView, type TfModule, type TfResource } from '@plumbline/lang-hcl';
import { projectModules } from '../domain.js';

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
 * A plan resource's place in the configuration: the plan's `configuration.module_calls` give the
 * local source of each module on the resource's address, so the `.tf` block (and the attribute
 * of the same name) can be found when it is in the scan root. Registry modules are not.
 */
function configPlace(ctx: RuleContext<unknown>, owner: TfResource | BlockView, at: Loc | Located) {
  if (!('address' in owner) || owner.module.kind !== 'plan') return undefined;
  const plan = owner.module.files[0];
  const m = /^((?:module\.[^.[]+(?:\[[^\]]*\])?\.)*)(data\.)?([^.[]+)\.([^.[]+)/.exec(owner.address);
  if (!plan?.planModules || !m) return undefined;
  let dir = posix.dirname(plan.file.path) === '.' ? '' : posix.dirname(plan.file.path);
  let key = '';
  for (const [, name] of (m[1] ?? '').matchAll(/module\.([^.[]+)(?:\[[^\]]*\])?\./g)) {
    key = `${key ? `${key}.` : ''}module.${name}`;
    const source = plan.planModules.get(key);
    if (!source || !/^\.\.?(\/|$)/.test(source)) return undefined;
    dir = posix.normalize(posix.join(dir || '.', source)).replace(/\/$/, '');
    if (dir === '.') dir = '';
    if (dir.startsWith('..')) return undefined;
  }
  const local = `${m[2] ?? ''}${m[3]}.${m[4]}`;
  const block = projectModules(ctx.project)
    .find((x) => x.kind === 'config' && x.dir === dir && x.byAddress(local))
    ?.byAddress(local);
  if (!block) return undefined;
  const name = 'name' in at && 'expr' in at ? (at as Attribute).name : undefined;
  const find = (view: BlockView): Attribute | undefined =>
    view.attr(name ?? '') ?? view.block.blocks.map((b) => find(new BlockView(view.module, b))).find(Boolean);
  return { at: (name && find(block)) || block.headerLoc, container: block.loc };
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
  const place = argument ? undefined : configPlace(ctx, owner, at);
  ctx.report({
    at: argument ?? place?.at ?? at,
    message,
    container: argument ? owner.module.callers[0]!.call.view.loc : (place?.container ?? owner.loc),
    ...(resource ? { resource } : {}),
    ...(evidence !== undefined ? { evidence } : {}),
    ...(fix && !argument && !place ? { fix } : {}),
  });
}

/** `aws_s3_bucket.logs` as a message names it. */
export function nameOf(r: TfResource): string {
  return `\`${r.address}\``;
}

/** `ctx.report` for rules that build their own report, once per module line across instances. */
export function reportOnce(ctx: RuleContext<unknown>, module: TfModule, report: Report): void {
  if (firstForInstances(ctx, module, report.at, report.message)) ctx.report(report);
}
