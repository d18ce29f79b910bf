import type { Confidence, Loc, Located } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { type Ctx, report } from './lib.js';

/**
 * Cluster-scoped context (issue 15): some workloads need what a pod security rule forbids — a CNI
 * agent the node's network, kube-proxy its iptables, a static control-plane pod root and host
 * ports. Such a finding is never dropped (a privileged pod in kube-system is still a privileged
 * pod, and kube-system is a favourite place to hide one), but where a peer tool documents an
 * exception for it, it is reported with low confidence and says why.
 *
 * Confidence does not change gates: `--fail-on` counts severity, so the finding still fails a
 * build; low confidence sorts it after the others in reports and pull-request comments, and SARIF
 * carries it as the result's `confidence`.
 */

/**
 * Namespaces Kubernetes creates for its own components. Polaris names the components it exempts
 * there; any workload there counts here, since what runs in them is the cluster operators' (an
 * application placed there is `k8s/no-kube-system-workloads`'s finding, opt-in).
 */
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

/**
 * Namespaces where a node agent (a DaemonSet) observes the node: node exporters, log shippers.
 * Polaris exempts a monitoring node agent by name (the Datadog agent: host network, root); we take
 * the namespace the issue names instead of a name, and only DaemonSets there: a Grafana Deployment
 * in `monitoring` has no reason to need the host.
 */
const NODE_AGENT_NAMESPACES = new Set(['monitoring']);

/**
 * The rules whose findings a system workload lowers, each with the reason a message gives. Every
 * entry is an exception a peer documents; a rule not listed here is never lowered (host paths,
 * capabilities, images: no peer exempts system workloads from those).
 */
const DOCUMENTED_EXCEPTIONS: Readonly<Record<string, string>> = {
  // Polaris default config: `hostNetworkSet` exempted for kube-apiserver, kube-proxy, kube-scheduler,
  // kube-controller-manager, kube-dns, etcd in kube-system, and for flannel, kube2iam and the Datadog agent.
  'k8s/no-host-network': 'CNI agents, kube-proxy, the control plane and node agents use the node’s network',
  // Polaris default config: `hostPIDSet` exempted for the same kube-system components (and kube-hunter).
  'k8s/no-host-pid': 'node agents and control-plane components may need the node’s processes',
  // Polaris default config: `hostPortSet` exempted for the same kube-system components.
  'k8s/no-host-port': 'control-plane components and node agents serve on host ports',
  // Polaris default config: `runAsPrivileged` exempted for the kube-system components and flannel (kube-flannel-ds).
  'k8s/no-privileged-container': 'CNI agents and CSI node plugins program the node and mount its devices',
  // Polaris default config: `runAsRootAllowed` exempted for the kube-system components, flannel and the Datadog agent.
  'k8s/run-as-non-root': 'node-level components often run as root',
  'k8s/no-root-user': 'node-level components often run as root',
};

/** The rules a system workload lowers (for tests and docs). */
export const SYSTEM_AWARE_RULES: readonly string[] = Object.keys(DOCUMENTED_EXCEPTIONS);

/**
 * What makes the object a system workload, as a message reads it (``system workload in
 * `kube-system` ``), or undefined. The namespace decides, never the name alone: a `calico-node`
 * DaemonSet in `shop` is not a system workload (no peer exempts by name outside its namespace
 * for these rules, except flannel and Datadog by Polaris, which we do not follow: a name costs
 * nothing to borrow).
 */
export function systemWorkloadOf(object: K8sObject): string | undefined {
  const namespace = object.namespace;
  if (SYSTEM_NAMESPACES.has(namespace)) return `system workload in \`${namespace}\``;
  if (NODE_AGENT_NAMESPACES.has(namespace) && object.kind === 'DaemonSet' && object.group === 'apps')
    return `node agent (DaemonSet) in \`${namespace}\``;
  return undefined;
}

/** How a finding of `ruleId` on `object` is lowered, or undefined when it keeps the rule's confidence. */
export function systemContext(
  object: K8sObject,
  ruleId: string,
): { confidence: Confidence; note: string } | undefined {
  const reason = DOCUMENTED_EXCEPTIONS[ruleId];
  if (!reason) return undefined;
  const what = systemWorkloadOf(object);
  if (!what) return undefined;
  return { confidence: 'low', note: `${what}: ${reason}; lower confidence` };
}

/** The message with the note before its final period: "Pod `x` sets … (note)." */
export function withNote(message: string, note: string): string {
  const body = message.endsWith('.') ? message.slice(0, -1) : message;
  return `${body} (${note}).`;
}

/** report(), lowered with a note when the object is a system workload and `ruleId` has a documented exception. */
export function reportSystemAware(
  ctx: Ctx,
  ruleId: string,
  object: K8sObject,
  at: Loc | Located,
  message: string,
  evidence?: string,
): void {
  const context = systemContext(object, ruleId);
  if (context) report(ctx, object, at, withNote(message, context.note), evidence, context.confidence);
  else report(ctx, object, at, message, evidence);
}
