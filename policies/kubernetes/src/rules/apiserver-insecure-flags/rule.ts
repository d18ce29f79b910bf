import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { controlPlaneContainers, describe, flagIsFalse, reportFlag } from '../../control-plane.js';
import { k8sDomain } from '../../domain.js';

export default defineRule<K8sObject>({
  id: 'k8s/apiserver-insecure-flags',
  domain: k8sDomain,
  meta: {
    title: 'API server serves or calls without TLS',
    description:
      'A kube-apiserver static pod opens its unauthenticated plain-HTTP port (`--insecure-port` other than 0, or `--insecure-bind-address` without `--insecure-port=0`) or talks to kubelets over plain HTTP (`--kubelet-https=false`). Opt-in (the strict preset turns it on).',
    rationale:
      'Critical: requests on the insecure port skip authentication and authorization entirely, so whoever reaches it is cluster-admin; plain HTTP to the kubelets exposes exec, logs and port-forward traffic (CIS Kubernetes 1.2.4, 1.2.19 and 1.2.20 of the benchmarks for the versions that had these flags). Kubernetes 1.24 removed `--insecure-port` and `--kubelet-https`; manifests that still set them are old, and an old API server honours them.',
    remediation:
      'Remove `--insecure-bind-address`, set `--insecure-port=0` (or remove it on 1.24+), and remove `--kubelet-https=false`.',
    category: 'security',
    severity: 'critical',
    confidence: 'high',
    optIn: true,
    aliases: ['CKV_K8S_88', 'CKV_K8S_86', 'CKV_K8S_71'],
    references: ['https://kubernetes.io/docs/concepts/security/controlling-access/#transport-security'],
    examples: {
      invalid: [
        {
          filename: 'manifests/kube-apiserver.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n  - command:\n    - kube-apiserver\n    - --insecure-port=8080\n    image: registry.k8s.io/kube-apiserver:v1.19.16\n    name: kube-apiserver\n',
          errors: [{ line: 10, column: 7, endLine: 10, endColumn: 27 }],
        },
      ],
      valid: [
        {
          filename: 'manifests/kube-apiserver.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n  - command:\n    - kube-apiserver\n    - --insecure-port=0\n    image: registry.k8s.io/kube-apiserver:v1.19.16\n    name: kube-apiserver\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const cp of controlPlaneContainers(object)) {
      if (cp.component !== 'kube-apiserver') continue;
      const port = cp.flags.get('insecure-port');
      const bind = cp.flags.get('insecure-bind-address');
      if (port && port.value !== '0')
        reportFlag(
          ctx,
          cp,
          port,
          `${describe(cp)} sets \`--insecure-port=${port.value ?? ''}\`: requests on it skip authentication and authorization.`,
          'insecure-port',
        );
      else if (bind && !port)
        reportFlag(
          ctx,
          cp,
          bind,
          `${describe(cp)} sets \`--insecure-bind-address\` without \`--insecure-port=0\`: before 1.20 the unauthenticated port is open by default.`,
          'insecure-bind-address',
        );
      const kubeletHttps = cp.flags.get('kubelet-https');
      if (flagIsFalse(kubeletHttps))
        reportFlag(
          ctx,
          cp,
          kubeletHttps,
          `${describe(cp)} sets \`--kubelet-https=false\`: exec, logs and port-forward traffic to the kubelets goes over plain HTTP.`,
          'kubelet-https',
        );
    }
  },
});
