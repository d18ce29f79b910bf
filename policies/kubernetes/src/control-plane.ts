import type { Loc } from '@plumbline/core';
import { asArray, asString, type ContainerView, type K8sObject } from '@plumbline/lang-yaml';
import { containersOf, report } from './lib.js';

/** The control-plane programs whose flags the `k8s/apiserver-*`, `etcd-*` and profiling rules read. */
export type ControlPlaneComponent = 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler' | 'etcd';

const COMPONENTS = new Set<string>(['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd']);

/** One `--name=value` / `--name value` flag, with the span of the item that names it. */
export interface ControlPlaneFlag {
  name: string;
  /** Undefined for a bare `--flag` (which means `true` for a boolean flag). */
  value: string | undefined;
  at: Loc;
}

/** A container of a static pod that runs a control-plane program, with its flags parsed. */
export interface ControlPlaneContainer {
  component: ControlPlaneComponent;
  container: ContainerView;
  /** By name; when a flag is repeated the last one wins, as with the programs' flag parser. */
  flags: Map<string, ControlPlaneFlag>;
  /** Where to point when a flag is missing: the `command:` key (else `args:`, else the container). */
  anchor: Loc;
}

function programOf(word: string | undefined): ControlPlaneComponent | undefined {
  const name = word?.split('/').at(-1);
  return name !== undefined && COMPONENTS.has(name) ? (name as ControlPlaneComponent) : undefined;
}

/**
 * The control-plane containers of a static pod manifest (`/etc/kubernetes/manifests/*.yaml` as
 * kubeadm writes them): only `kind: Pod`, since a Deployment that runs an API server (vcluster,
 * hosted control planes) is configured by its operator, not by these flags. The program is the
 * first word of `command` (`kube-apiserver`, `/usr/local/bin/etcd`, or `hyperkube kube-apiserver`);
 * a container without a command is not guessed at from its image, and a shell (`sh -c "..."`) is not parsed.
 */
export function controlPlaneContainers(object: K8sObject): ControlPlaneContainer[] {
  if (object.kind !== 'Pod' || object.group !== '') return [];
  const found: ControlPlaneContainer[] = [];
  for (const container of containersOf(object, { kinds: ['container'] })) {
    const command = asArray(container.data.command);
    let start = 1;
    let component = programOf(asString(command[0]));
    if (!component && asString(command[0])?.split('/').at(-1) === 'hyperkube') {
      component = programOf(asString(command[1]));
      start = 2;
    }
    if (!component) continue;
    const flags = new Map<string, ControlPlaneFlag>();
    readFlags(container, 'command', command.slice(start), start, flags);
    readFlags(container, 'args', asArray(container.data.args), 0, flags);
    const anchor = container.keyAt(['command']) ?? container.keyAt(['args']) ?? container.anchor;
    found.push({ component, container, flags, anchor });
  }
  return found;
}

function readFlags(
  container: ContainerView,
  field: 'command' | 'args',
  items: unknown[],
  offset: number,
  into: Map<string, ControlPlaneFlag>,
): void {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item !== 'string' || !item.startsWith('--')) continue;
    const at = container.at([field, offset + i]) ?? container.loc;
    const eq = item.indexOf('=');
    if (eq > 2) {
      into.set(item.slice(2, eq), { name: item.slice(2, eq), value: item.slice(eq + 1), at });
      continue;
    }
    const next = items[i + 1];
    const separate = next !== undefined && next !== null && !String(next).startsWith('-');
    into.set(item.slice(2), { name: item.slice(2), value: separate ? String(next) : undefined, at });
    if (separate) i++;
  }
}

/** The value of a boolean flag as the program reads it: a bare `--flag` is true. */
export function flagIsTrue(flag: ControlPlaneFlag | undefined): boolean {
  return flag !== undefined && (flag.value === undefined || flag.value.toLowerCase() === 'true');
}

export function flagIsFalse(flag: ControlPlaneFlag | undefined): boolean {
  return flag !== undefined && flag.value?.toLowerCase() === 'false';
}

/** "`kube-apiserver` (container `kube-apiserver` of Pod `kube-apiserver`)". */
export function describe(cp: ControlPlaneContainer): string {
  return `\`${cp.component}\` (${cp.container.label} of ${cp.container.pod.label})`;
}

/** Reports on a flag's item, or on the `command:` key when the flag is missing. */
export function reportFlag(
  ctx: Parameters<typeof report>[0],
  cp: ControlPlaneContainer,
  flag: ControlPlaneFlag | undefined,
  message: string,
  evidence: string,
): void {
  report(ctx, cp.container.object, flag?.at ?? cp.anchor, message, evidence);
}
