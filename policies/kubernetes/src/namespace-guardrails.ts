import { type K8sObject, k8sGraph } from '@plumbline/lang-yaml';
import { type Ctx, isTemplated, report } from './lib.js';

/** Namespaces Kubernetes creates itself; their guardrails are the platform's business. */
const SYSTEM = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

/**
 * Reports the Namespace object when the deployment unit declares it and holds no object of `kind` in it.
 * Namespaces created elsewhere (only referenced by `metadata.namespace`) are never judged: the unit
 * cannot know what the cluster holds for them.
 */
export function reportNamespaceWithout(ctx: Ctx, object: K8sObject, kind: string): void {
  if (object.kind !== 'Namespace' || object.group !== '' || object.partial) return;
  if (!object.name || SYSTEM.has(object.name) || isTemplated(object.name)) return;
  if (k8sGraph(ctx.project, object).ofKind(kind, object.name).length > 0) return;
  report(ctx, object, object.nameLoc, `Namespace \`${object.name}\` has no ${kind}.`, object.name);
}
