import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import {
  isFalse,
  isKubeletConfiguration,
  KUBELET,
  kubeletSetting,
  reportKubelet,
} from '../../kubelet-config.js';
import { isTrue } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/kubelet-protect-kernel-defaults',
  domain: k8sDomain,
  meta: {
    title: 'Kubelet may change kernel settings',
    description:
      'A kubelet configuration file leaves `protectKernelDefaults` unset or `false`: the kubelet then adjusts kernel parameters (overcommit, panic behaviour) to what it expects instead of refusing to start on a node tuned differently. A kubeadm `InitConfiguration` or `JoinConfiguration` that passes the kubelet `--protect-kernel-defaults=false` through `nodeRegistration.kubeletExtraArgs` is reported too: the flag overrides the file. Opt-in (on in the strict preset).',
    rationale:
      'Low: the kubelet silently overrides the kernel parameters the node image was hardened with; with `true` a mismatch stops the kubelet and is seen (CIS Kubernetes 4.2.6). kubeadm does not set it, so a kubeadm configuration is reported too: set the parameters in the node image, then the flag.',
    remediation:
      'Set the kernel parameters the kubelet needs in the node image (`vm.overcommit_memory=1`, `vm.panic_on_oom=0`, `kernel.panic=10`, `kernel.panic_on_oops=1`), then `protectKernelDefaults: true`.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    optIn: true,
    aliases: ['CKV_K8S_144', 'KCV-0083'],
    references: ['https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/'],
    examples: {
      invalid: [
        {
          filename: 'nodes/kubelet-config.yaml',
          code: 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nprotectKernelDefaults: false\n',
          errors: [{ line: 3, column: 24, endLine: 3, endColumn: 29 }],
        },
        {
          filename: 'nodes/kubelet-config.yaml',
          code: 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ncgroupDriver: systemd\n',
          errors: [{ line: 2, column: 1, endLine: 2, endColumn: 5 }],
        },
      ],
      valid: [
        {
          filename: 'nodes/kubelet-config.yaml',
          code: 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nprotectKernelDefaults: true\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const file = isKubeletConfiguration(object);
    const protect = kubeletSetting(object, ['protectKernelDefaults'], 'protect-kernel-defaults');
    if (protect && isTrue(protect.value)) return;
    // A kubeadm flag is judged only when it says false: otherwise the configuration file beside it decides.
    if (!file && !(protect && isFalse(protect.value))) return;
    reportKubelet(
      ctx,
      object,
      protect?.at ?? object.head,
      protect
        ? `${protect.says}: the kubelet may change kernel parameters the node was hardened with.`
        : `${KUBELET} leaves \`protectKernelDefaults\` unset (false): the kubelet may change kernel parameters the node was hardened with.`,
      'protect-kernel-defaults',
    );
  },
});
