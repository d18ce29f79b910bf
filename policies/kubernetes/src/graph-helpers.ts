import { asObj, asString, type K8sGraph, type K8sObject, type PodSpecView, selectorMatches } from '@plumbline/lang-yaml';
import { explicitReplicas } from './lib.js';

export function isHpa(object: K8sObject): boolean {
  return object.kind === 'HorizontalPodAutoscaler' && object.group === 'autoscaling';
}

export function isPdb(object: K8sObject): boolean {
  return object.kind === 'PodDisruptionBudget' && object.group === 'policy';
}

/** HPAs of the namespace that scale this object. */
export function hpasFor(graph: K8sGraph, object: K8sObject): K8sObject[] {
  return graph.inNamespace(object.namespace).filter((h) => {
    if (!isHpa(h)) return false;
    const ref = asObj(h.get(['spec', 'scaleTargetRef']));
    return asString(ref.kind) === object.kind && asString(ref.name) === object.name;
  });
}

/** PDBs of the namespace that select the pod. */
export function pdbsFor(graph: K8sGraph, object: K8sObject, pod: PodSpecView): K8sObject[] {
  return graph.inNamespace(object.namespace).filter((p) => isPdb(p) && selectorMatches(p.get(['spec', 'selector']) ?? {}, pod.labels));
}

/** Kinds that run replicated, long-running pods (DaemonSets are one per node). */
export const REPLICATED = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'Rollout', 'DeploymentConfig', 'ReplicationController']);

/** Does the workload run (or scale to) several replicas? */
export function isMultiReplica(graph: K8sGraph, object: K8sObject): boolean {
  if (!REPLICATED.has(object.kind)) return false;
  const replicas = explicitReplicas(object);
  if (replicas !== undefined && replicas >= 2) return true;
  return hpasFor(graph, object).some((h) => Number(h.get(['spec', 'maxReplicas'])) >= 2);
}

/** An int-or-percent value: `{percent}` for "50%", `{count}` for 2 or "2". */
export function intOrPercent(value: unknown): { count?: number; percent?: number } | undefined {
  if (typeof value === 'number') return { count: value };
  if (typeof value === 'string') {
    const m = value.trim().match(/^(\d+)(%?)$/);
    if (m) return m[2] ? { percent: Number(m[1]) } : { count: Number(m[1]) };
  }
  return undefined;
}
