import { asArray, asObj, asString, type K8sGraph, type K8sObject, type PodSpecView } from '@plumbline/lang-yaml';
import { selectorMatches } from '@plumbline/lang-yaml';

export function networkPolicies(graph: K8sGraph, namespace: string): K8sObject[] {
  return graph.ofKind('NetworkPolicy', namespace).filter((p) => p.group === 'networking.k8s.io' || p.group === 'extensions');
}

/** Does the policy apply to the pod (its podSelector selects the pod's labels)? */
export function policySelects(policy: K8sObject, pod: PodSpecView): boolean {
  return selectorMatches(policy.get(['spec', 'podSelector']) ?? {}, pod.labels);
}

/** A policy that selects every pod and denies all ingress (no ingress rules, Ingress in policyTypes). */
export function isDefaultDenyIngress(policy: K8sObject): boolean {
  const spec = asObj(policy.data.spec);
  const selector = asObj(spec.podSelector);
  const empty = Object.keys(asObj(selector.matchLabels)).length === 0 && asArray(selector.matchExpressions).length === 0;
  if (!empty) return false;
  const types = asArray(spec.policyTypes).map((t) => asString(t));
  const coversIngress = types.length === 0 || types.includes('Ingress');
  return coversIngress && asArray(spec.ingress).length === 0;
}
