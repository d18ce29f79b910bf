import type { Loc } from '@plumbline/core';
import {
  asNumber,
  asString,
  type BlockView,
  type Expr,
  isObject,
  stringList,
  type TfModule,
  type Value,
} from '@plumbline/lang-hcl';

/** One managed node group, from `aws_eks_node_group` or the `terraform-aws-modules/eks` module. */
export interface NodeGroup {
  /** `aws_eks_node_group.gpu` or `module.eks` */
  resource: string;
  name: string;
  /** Where to point when something is missing, and the enclosing block or object. */
  at: Loc;
  container: Loc;
  minSize?: { value: number | undefined; loc: Loc };
  /**
   * The node count AWS keeps when nothing scales the group: `desired_size` (the EKS module's
   * default is 1). Undefined when written but unknown, or when the group's desired size is left
   * to an autoscaler (`lifecycle { ignore_changes = [...desired_size] }`).
   */
  desiredSize?: { value: number | undefined; loc: Loc; written: boolean };
  /** True when `lifecycle.ignore_changes` hands `desired_size` to an autoscaler. */
  autoscaled: boolean;
  instanceTypes: string[] | undefined;
  amiType: string | undefined;
  /** Effects of the taints; undefined when they cannot be known. */
  taintEffects: string[] | undefined;
}

const EKS_MODULE = /^(registry\.terraform\.io\/)?terraform-aws-modules\/eks\/aws(\/\/.*)?$/;

function objectItem(expr: Expr | undefined, name: string): { value: Expr; loc: Loc } | undefined {
  if (expr?.kind !== 'object') return undefined;
  const item = expr.items.find((i) => i.name === name);
  return item ? { value: item.value, loc: item.loc } : undefined;
}

function taintEffects(v: Value | undefined): string[] | undefined {
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : isObject(v) ? Object.values(v) : undefined;
  if (!list) return undefined;
  const out: string[] = [];
  for (const t of list) {
    if (!isObject(t)) return undefined;
    const e = asString(t.effect);
    if (e === undefined) return undefined;
    out.push(e);
  }
  return out;
}

export function nodeGroups(module: TfModule): NodeGroup[] {
  const out: NodeGroup[] = [];
  for (const r of module.resourcesOf('aws_eks_node_group')) {
    const scaling = r.blocks('scaling_config')[0];
    const min = scaling?.attr('min_size');
    const taints = r.blocks('taint');
    const effects = taints.map((t) => asString(t.value('effect')));
    const desired = scaling?.attr('desired_size');
    const autoscaled = r.blocks('lifecycle').some((l) => {
      const ignore = l.attr('ignore_changes');
      return (
        !!ignore && /desired_size|\ball\b/.test(ignore.loc.file.text.slice(ignore.loc.start, ignore.loc.end))
      );
    });
    out.push({
      resource: r.address,
      name: r.name,
      at: r.headerLoc,
      container: r.loc,
      ...(min ? { minSize: { value: asNumber(scaling!.value('min_size')), loc: min.loc } } : {}),
      ...(desired
        ? {
            desiredSize: { value: asNumber(scaling!.value('desired_size')), loc: desired.loc, written: true },
          }
        : {}),
      autoscaled,
      instanceTypes: r.has('instance_types') ? listOf(r, 'instance_types') : ['t3.medium'],
      amiType: asString(r.value('ami_type')),
      taintEffects: effects.some((e) => e === undefined) ? undefined : (effects as string[]),
    });
  }
  for (const call of module.moduleCalls) {
    if (!call.source || !EKS_MODULE.test(call.source) || module.evaluatesDownloaded(call)) continue;
    const attr = call.view.attr('eks_managed_node_groups');
    if (!attr) continue;
    const groups = call.view.value('eks_managed_node_groups');
    if (!isObject(groups)) continue;
    const defaults = call.view.value('eks_managed_node_group_defaults');
    for (const [name, g] of Object.entries(groups)) {
      if (!isObject(g)) continue;
      const item = attr.expr.kind === 'object' ? attr.expr.items.find((i) => i.name === name) : undefined;
      const groupExpr = item?.value;
      const pick = (key: string): Value | undefined =>
        key in g ? g[key] : isObject(defaults) ? defaults[key] : undefined;
      const minItem = objectItem(groupExpr, 'min_size');
      const min = pick('min_size');
      const desiredItem = objectItem(groupExpr, 'desired_size');
      const desired = pick('desired_size');
      const types = pick('instance_types');
      const list = stringList(types);
      out.push({
        resource: `module.${call.name}`,
        name,
        at: item ? (item.key.loc ?? item.loc) : attr.loc,
        container: item?.loc ?? attr.loc,
        ...(min !== undefined
          ? { minSize: { value: asNumber(min), loc: minItem?.loc ?? item?.loc ?? attr.loc } }
          : {}),
        desiredSize: {
          value: desired === undefined ? 1 : asNumber(desired),
          loc: desiredItem?.loc ?? minItem?.loc ?? item?.loc ?? attr.loc,
          written: desired !== undefined,
        },
        // The module ignores later changes to desired_size (for an autoscaler to move it), but
        // without one the group keeps the first value: that is the count.
        autoscaled: false,
        instanceTypes: types === undefined ? [] : list && !list.unknown ? list.values : undefined,
        amiType: asString(pick('ami_type')),
        taintEffects: taintEffects(pick('taints')),
      });
    }
  }
  return out;
}

function listOf(v: BlockView, attr: string): string[] | undefined {
  const l = stringList(v.value(attr));
  return l && !l.unknown ? l.values : undefined;
}

const GPU_FAMILY = /^(p\d|g\d|gr\d|inf\d|trn\d|dl\d)/i;

/** True when the group runs GPU or other accelerator instances; undefined when unknown. */
export function isAccelerated(g: NodeGroup): boolean | undefined {
  if (g.amiType && /GPU|NVIDIA|NEURON/i.test(g.amiType)) return true;
  if (g.instanceTypes === undefined) return undefined;
  return g.instanceTypes.some((t) => GPU_FAMILY.test(t));
}

export function isTainted(g: NodeGroup): boolean | undefined {
  if (g.taintEffects === undefined) return undefined;
  return g.taintEffects.some((e) => /^(NO_SCHEDULE|NO_EXECUTE|NoSchedule|NoExecute)$/.test(e));
}
