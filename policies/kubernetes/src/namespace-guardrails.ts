import { type K8sObject, k8sGraph } from '@plumbline/lang-yaml';
import { type Ctx, isTemplated } from './lib.js';

/** Namespaces Kubernetes creates itself; their guardrails are the platform's business. */
const SYSTEM = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

/**
 * The Namespace object, when the deployment unit declares it and holds no object of `kind` in it.
 * Namespaces created elsewhere (only referenced by `metadata.namespace`) are never judged: the unit
 * cannot know what the cluster holds for them.
 */
export function namespaceWithout(ctx: Ctx, object: K8sObject, kind: string): string | undefined {
  if (object.kind !== 'Namespace' || object.group !== '' || object.partial) return undefined;
  if (!object.name || SYSTEM.has(object.name) || isTemplated(object.name)) return undefined;
  return k8sGraph(ctx.project, object).ofKind(kind, object.name).length === 0 ? object.name : undefined;
}
