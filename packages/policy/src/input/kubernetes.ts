import type { Loc, Project } from '@plumbline/core';
import { type K8sObject, k8sGraph } from '@plumbline/lang-yaml';
import type { InputPath } from './path.js';
import type { UnitInput } from './unit-input.js';

/**
 * Kubernetes input, one per object (List items unwrapped):
 * - `object`: the manifest as written (the same name as in a ValidatingAdmissionPolicy);
 * - `kind`, `name`, `namespace` (the one it lands in; '' when cluster-scoped), `file`;
 * - `related`: the other objects deployed beside it (same namespace, plus cluster-scoped ones of
 *   the repository), for cross-object policies (a Deployment has a PodDisruptionBudget, ...).
 */
export function kubernetesInput(object: K8sObject, project: Project): UnitInput {
  const graph = k8sGraph(project);
  const related = [...graph.inNamespace(object.namespace), ...(object.namespace ? graph.inNamespace('') : [])]
    .filter((o) => o !== object)
    .map((o) => o.data);
  return {
    variables: {
      object: object.data,
      kind: object.kind,
      name: object.name,
      namespace: object.namespace,
      file: object.file.path,
      related,
    },
    head: object.head,
    container: object.loc,
    resource: object.resource,
    locate: (path) => locateInObject(object, path),
    fields: {
      kind: object.kind,
      name: object.name || '(unnamed)',
      namespace: object.namespace,
      resource: object.resource,
      file: object.file.path,
    },
  };
}

/** `object.<route>`: the key of a map or list value (its first line), the value of a scalar. */
export function locateInObject(object: K8sObject, path: InputPath): Loc | undefined {
  if (path[0] !== 'object') return path.length === 1 ? object.head : undefined;
  const route = path.slice(1);
  if (route.length === 0) return object.head;
  const value = object.get(route);
  if (value === undefined) return object.nearest(route);
  return (
    (typeof value === 'object' && value !== null ? object.keyAt(route) : object.at(route)) ??
    object.nearest(route)
  );
}
