import type { Loc } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
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
 * code, which is why no rule reports it. Flags on the kubelet's command line
 * (`kubeletExtraArgs`, a systemd drop-in) override the file and are not read.
 */
export function isKubeletConfiguration(object: K8sObject): boolean {
  return object.kind === 'KubeletConfiguration' && object.group === 'kubelet.config.k8s.io';
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

/** Resource id of a kubelet configuration: it has no name or namespace; the file tells them apart. */
export const KUBELET_RESOURCE = 'KubeletConfiguration';

/** "The KubeletConfiguration" as messages name it. */
export const KUBELET = 'The KubeletConfiguration';

/** Reports on a kubelet configuration (ignore comments anywhere inside the document apply). */
export function reportKubelet(ctx: Ctx, object: K8sObject, at: Loc, message: string, evidence: string): void {
  ctx.report({ at, message, evidence, container: object.loc, resource: KUBELET_RESOURCE });
}

/** Where to point when a setting is missing: the `kind: KubeletConfiguration` line. */
export function kubeletAnchor(object: K8sObject): Loc {
  return object.keyAt(['kind']) ?? object.loc;
}
