import type { Loc } from '@plumbline/core';
import { asString, isObj, type K8sObject } from '@plumbline/lang-yaml';
import type { Ctx } from './lib.js';

/**
 * A kubelet configuration file (`kind: KubeletConfiguration`, `apiVersion:
 * kubelet.config.k8s.io/v1beta1`) as kubeadm users keep it in git: a copy of
 * `/var/lib/kubelet/config.yaml`, or one document of a multi-document `kubeadm-config.yaml`
 * beside the `InitConfiguration` and `ClusterConfiguration`. Such a document is already a unit of
 * the Kubernetes domain (any document with `apiVersion` and `kind`), so the `k8s/kubelet-*` rules
 * read it directly, with the spans of its keys.
 *
 * The rules judge the file as the kubelet's own defaulting reads it, not as its flags do: in a
 * config file anonymous authentication is off, authorization is `Webhook` and the read-only port
 * is 0 unless the file says otherwise (the v1beta1 defaults), so only an explicit weak value is
 * reported for those. A zero `streamingConnectionIdleTimeout` is defaulted to 4h by the same
 * code, which is why no rule reports it.
 *
 * Flags override the file. Those kubeadm passes from `nodeRegistration.kubeletExtraArgs` of an
 * `InitConfiguration` or `JoinConfiguration` (a map in v1beta3, a `name`/`value` list in v1beta4)
 * are read too, with the same judgement: only an explicit weak value is reported, since the file
 * kubeadm writes beside them holds the defaults. A systemd drop-in is not read.
 */
export function isKubeletConfiguration(object: K8sObject): boolean {
  return object.kind === 'KubeletConfiguration' && object.group === 'kubelet.config.k8s.io';
}

/** kubeadm's node configuration kinds, whose `nodeRegistration.kubeletExtraArgs` are kubelet flags. */
function isKubeadmNodeConfiguration(object: K8sObject): boolean {
  return (
    object.group === 'kubeadm.k8s.io' &&
    (object.kind === 'InitConfiguration' || object.kind === 'JoinConfiguration')
  );
}

/** One kubelet flag of `nodeRegistration.kubeletExtraArgs` (the last one wins), with the span of its value. */
export function kubeadmKubeletFlag(object: K8sObject, flag: string): KubeletField | undefined {
  if (!isKubeadmNodeConfiguration(object)) return undefined;
  const route = ['nodeRegistration', 'kubeletExtraArgs'];
  const args = object.get(route);
  if (Array.isArray(args)) {
    let found: KubeletField | undefined;
    args.forEach((arg, i) => {
      const at = object.at([...route, i, 'value']);
      if (isObj(arg) && arg.name === flag && at) found = { value: asString(arg.value) ?? arg.value, at };
    });
    return found;
  }
  if (!isObj(args) || !(flag in args)) return undefined;
  const at = object.at([...route, flag]);
  return at ? { value: asString(args[flag]) ?? args[flag], at } : undefined;
}

/** A kubelet setting as a configuration file or a kubeadm flag writes it, and how a message says so. */
export interface KubeletSetting extends KubeletField {
  /** "The KubeletConfiguration sets `readOnlyPort: 10255`", "The JoinConfiguration passes the kubelet `--read-only-port=10255`". */
  says: string;
}

/** The setting at `route` of a KubeletConfiguration, or the kubeadm flag `--flag` that overrides it. */
export function kubeletSetting(
  object: K8sObject,
  route: readonly string[],
  flag: string,
): KubeletSetting | undefined {
  if (isKubeletConfiguration(object)) {
    const field = kubeletField(object, route);
    return field && { ...field, says: `${KUBELET} sets \`${route.join('.')}: ${String(field.value)}\`` };
  }
  const arg = kubeadmKubeletFlag(object, flag);
  return arg && { ...arg, says: `The ${object.kind} passes the kubelet \`--${flag}=${String(arg.value)}\`` };
}

/** A field of the configuration, with its value and the span of the value. */
export interface KubeletField {
  value: unknown;
  at: Loc;
}

export function kubeletField(object: K8sObject, route: readonly string[]): KubeletField | undefined {
  const at = object.at([...route]);
  return at ? { value: object.get([...route]), at } : undefined;
}

/** An explicit false (also quoted: the intent is plain, even though the kubelet's decoder would refuse the string). */
export function isFalse(value: unknown): boolean {
  return value === false || value === 'false';
}

/** "The KubeletConfiguration" as messages name it. */
export const KUBELET = 'The KubeletConfiguration';

/**
 * Reports on a kubelet or kubeadm configuration (ignore comments anywhere inside the document
 * apply). Its resource is its kind: these documents have no name or namespace; the file tells two apart.
 */
export function reportKubelet(ctx: Ctx, object: K8sObject, at: Loc, message: string, evidence: string): void {
  ctx.report({ at, message, evidence, container: object.loc, resource: object.kind });
}
