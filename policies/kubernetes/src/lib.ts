import type { Confidence, Loc, Located, RuleContext } from '@plumbline/core';
import {
  type ContainerKind,
  type ContainerView,
  containersOfPods,
  type K8sObject,
  type PodSpecView,
  podSpecsOf,
  type WorkloadClass,
} from '@plumbline/lang-yaml';

export type Ctx = RuleContext<unknown>;

/**
 * Reports on an object; ignore comments anywhere inside the object apply. `confidence` overrides
 * the rule's for this finding (a system workload: `src/system-workloads.ts`).
 */
export function report(
  ctx: Ctx,
  object: K8sObject,
  at: Loc | Located,
  message: string,
  evidence?: string,
  confidence?: Confidence,
): void {
  ctx.report({
    at,
    message,
    container: object.loc,
    ...(evidence !== undefined ? { evidence } : {}),
    ...(confidence !== undefined ? { confidence } : {}),
  });
}

export interface ContainerFilter {
  kinds?: ContainerKind[];
  classes?: WorkloadClass[];
  /** Skip Kustomize patches and other fragments (default true). */
  skipPartial?: boolean;
}

/**
 * Every container of the object's pods, filtered by container kind and workload class. Without
 * a kind or class filter, one list per object is shared by every rule that asks (read-only).
 */
export function containersOf(object: K8sObject, filter: ContainerFilter = {}): readonly ContainerView[] {
  if ((filter.skipPartial ?? true) && object.partial) return [];
  if (!filter.kinds && !filter.classes) return containersOfPods(object);
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

/** A label at the start of a sentence (`template \`x\`` → `Template \`x\``). */
export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `a`, `a and b`, `a, b and c`. */
export function list(items: string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

export function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

/** The value at a route, or the nearest existing key on the way to it. */
export function valueOrKey(object: K8sObject, route: readonly (string | number)[]): Loc {
  return object.at(route) ?? object.nearest(route);
}

/** Reports each distinct route once (a pod-level setting shared by several containers). */
export function onceEach(): (route: readonly (string | number)[]) => boolean {
  const seen = new Set<string>();
  return (route) => {
    const key = JSON.stringify(route);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
}

/** Pods that run Windows (Linux-only security settings do not apply). */
export function isWindows(pod: PodSpecView): boolean {
  const os = pod.field<{ name?: unknown }>('os');
  return typeof os?.value === 'object' && os.value !== null && os.value.name === 'windows';
}

/** Image reference parts; `digest` when pinned with `@sha256:`. */
export function parseImage(image: string): {
  name: string;
  tag: string | undefined;
  digest: string | undefined;
} {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const ref = at >= 0 ? image.slice(0, at) : image;
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  if (colon > slash) return { name: ref.slice(0, colon), tag: ref.slice(colon + 1), digest };
  return { name: ref, tag: undefined, digest };
}

/** Capabilities the baseline Pod Security Standard lets a container add. */
export const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

/** Capabilities that hand a container host-level power. */
export const DANGEROUS_CAPABILITIES = new Set([
  'ALL',
  'SYS_ADMIN',
  'SYS_MODULE',
  'SYS_PTRACE',
  'SYS_RAWIO',
  'SYS_BOOT',
  'SYS_TIME',
  'BPF',
  'PERFMON',
  'DAC_READ_SEARCH',
  'NET_ADMIN',
  'NET_RAW',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
]);

export function capabilityName(value: unknown): string {
  return String(value ?? '')
    .trim()
    .toUpperCase()
    .replace(/^CAP_/, '');
}

/** Added capabilities of a container with their routes. */
export function addedCapabilities(c: ContainerView): { name: string; route: (string | number)[] }[] {
  const add = c.own<unknown[]>('securityContext', 'capabilities', 'add');
  if (!add || !Array.isArray(add.value)) return [];
  return add.value.map((v, i) => ({ name: capabilityName(v), route: [...add.route, i] }));
}

/** Host paths that hand over the node: its root, system folders, runtime sockets, kubelet state. */
export function sensitiveHostPath(path: string): boolean {
  const p = path.replace(/\/+$/, '') || '/';
  // CSI drivers register their own socket folders under the kubelet's plugin directories.
  if (/^\/var\/lib\/kubelet\/(plugins|plugins_registry)(\/|$)/.test(p)) return false;
  if (/\.sock$/.test(p) && /(docker|containerd|crio|cri-dockerd|podman|kubelet)/.test(p)) return true;
  const exact = [
    '/',
    '/etc',
    '/proc',
    '/sys',
    '/boot',
    '/dev',
    '/root',
    '/var',
    '/var/run',
    '/run',
    '/usr',
    '/lib',
    '/home',
    '/var/lib',
  ];
  if (exact.includes(p)) return true;
  const prefixes = [
    '/proc/',
    '/sys/',
    '/boot/',
    '/root/',
    '/etc/kubernetes',
    '/var/lib/kubelet',
    '/var/lib/docker',
    '/var/lib/containerd',
    '/var/run/docker',
    '/run/docker',
    '/var/run/containerd',
    '/run/containerd',
    '/var/run/crio',
    '/run/crio',
    '/etc/shadow',
    '/etc/sudoers',
    '/etc/ssh',
    '/etc/cron',
    '/etc/passwd',
    '/etc/systemd',
  ];
  return prefixes.some(
    (prefix) => p === prefix || p.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`) || p === prefix,
  );
}

/** Objects whose pods serve traffic (not batch work), complete (not patches). */
export function servingPods(object: K8sObject): PodSpecView[] {
  return podsOf(object, { classes: ['service', 'daemon', 'pod'] });
}

/** Replicas a workload asks for: the explicit value, or undefined when unset or not a number. */
export function explicitReplicas(object: K8sObject): number | undefined {
  const value = object.get(['spec', 'replicas']);
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}
