import { readFileSync } from 'node:fs';

/** Kubelet configuration files of `fixtures/kubeadm/`, written as kubeadm users keep them. */
const fixture = (path: string) =>
  readFileSync(new URL(`../../../fixtures/kubeadm/${path}`, import.meta.url), 'utf8');

/** kubeadm's multi-document config: InitConfiguration, ClusterConfiguration, KubeletConfiguration (kind on line 37), KubeProxyConfiguration. */
export const KUBEADM_CONFIG = fixture('kubeadm-config.yaml');
/** A hand-provisioned node's `/var/lib/kubelet/config.yaml` with every weak setting (see the line numbers in the tests). */
export const LEGACY_KUBELET = fixture('nodes/legacy-worker-config.yaml');
/** A kubeadm v1beta4 JoinConfiguration whose `kubeletExtraArgs` turn the read-only port on (line 14). */
export const JOIN_GPU_WORKER = fixture('nodes/join-gpu-worker.yaml');
/** The CIS-hardened node pool's configuration: every `k8s/kubelet-*` rule must stay quiet on it. */
export const HARDENED_KUBELET = fixture('nodes/hardened-kubelet-config.yaml');

/** A KubeletConfiguration with the given lines after `kind:` (line 3 onwards). */
export function kubelet(lines: string): string {
  return `apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n${lines}`;
}

export const kubeletFile = { filename: 'nodes/worker/kubelet-config.yaml' };
