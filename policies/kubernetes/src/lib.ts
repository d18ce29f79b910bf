import type { Loc, Located, RuleContext } from '@plumbline/core';
import {
  type ContainerKind,
  type ContainerView,
  type K8sObject,
  type PodSpecView,
  podSpecsOf,
  type WorkloadClass,
} from '@plumbline/lang-yaml';

export type Ctx = RuleContext<any>;

/** Reports on an object; ignore comments anywhere inside the object apply. */
export function report(
  ctx: Ctx,
  object: K8sObject,
  at: Loc | Located,
  message: string,
  evidence?: string,
): void {
  ctx.report({ at, message, container: object.loc, ...(evidence !== undefined ? { evidence } : {}) });
}

export interface ContainerFilter {
  kinds?: ContainerKind[];
  classes?: WorkloadClass[];
  /** Skip Kustomize patches and other fragments (default true). */
  skipPartial?: boolean;
}

/** Every container of the object's pods, filtered by container kind and workload class. */
export function containersOf(object: K8sObject, filter: ContainerFilter = {}): ContainerView[] {
  if ((filter.skipPartial ?? true) && object.partial) return [];
  return podsOf(object, filter).flatMap((pod) =>
    pod.containers.filter((c) => !filter.kinds || filter.kinds.includes(c.kind)),
  );
}

export function podsOf(object: K8sObject, filter: ContainerFilter = {}): PodSpecView[] {
  if ((filter.skipPartial ?? true) && object.partial) return [];
  return podSpecsOf(object).filter((p) => !filter.classes || filter.classes.includes(p.workloadClass));
}

/** An image reference that is a placeholder (Argo `{{...}}`, shell or Kustomize variables). */
export function isTemplated(value: string): boolean {
  return /\{\{|\$\(|\$\{|<[A-Za-z_-]+>/.test(value);
}

/** `a`, `a and b`, `a, b and c`. */
export function list(items: string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

export function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}
