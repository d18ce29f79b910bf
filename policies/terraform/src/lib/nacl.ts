import {
  asBool,
  asNumber,
  asString,
  type BlockView,
  type TfModule,
  type TfResource,
} from '@plumbline/lang-hcl';
import { type Protocol, protocolOf, WORLD } from './network.js';

/** One network ACL ingress entry that allows traffic from the whole internet. */
export interface NaclOpening {
  owner: TfResource;
  view: BlockView;
  protocol: Protocol;
  /** Undefined when unknown. */
  from: number | undefined;
  to: number | undefined;
  /** The `cidr_block` / `ipv6_cidr_block` attribute that is open. */
  cidrAttr: string;
}

function opening(owner: TfResource, view: BlockView, actionAttr: string): NaclOpening[] {
  if (asString(view.value(actionAttr))?.toLowerCase() !== 'allow') return [];
  const out: NaclOpening[] = [];
  for (const cidrAttr of ['cidr_block', 'ipv6_cidr_block']) {
    const cidr = asString(view.value(cidrAttr));
    if (cidr === undefined || !WORLD.has(cidr.trim())) continue;
    out.push({
      owner,
      view,
      protocol: protocolOf(view.value('protocol')),
      from: asNumber(view.value('from_port')),
      to: asNumber(view.value('to_port')),
      cidrAttr,
    });
  }
  return out;
}

/**
 * Ingress entries allowing the internet in: `ingress` blocks of `aws_network_acl` and
 * `aws_default_network_acl`, and `aws_network_acl_rule` with `egress` false (its default).
 */
export function naclIngressFromWorld(module: TfModule): NaclOpening[] {
  const out: NaclOpening[] = [];
  for (const acl of module.resourcesOf('aws_network_acl', 'aws_default_network_acl'))
    for (const b of acl.blocks('ingress')) out.push(...opening(acl, b, 'action'));
  for (const r of module.resourcesOf('aws_network_acl_rule')) {
    const egress = r.has('egress') ? asBool(r.value('egress')) : false;
    if (egress === false) out.push(...opening(r, r, 'rule_action'));
  }
  return out;
}
