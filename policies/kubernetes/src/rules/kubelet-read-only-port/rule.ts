import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { kubeletSetting, reportKubelet } from '../../kubelet-config.js';

export default defineRule<K8sObject>({
  id: 'k8s/kubelet-read-only-port',
  domain: k8sDomain,
  meta: {
    title: 'Kubelet serves its read-only port',
    description:
      'A kubelet configuration file sets `readOnlyPort` to a port (10255, traditionally): the kubelet serves its pod list, pod specs and metrics there over plain HTTP, without authentication or authorization. A kubeadm `InitConfiguration` or `JoinConfiguration` that passes the kubelet `--read-only-port=10255` through `nodeRegistration.kubeletExtraArgs` is reported too: the flag overrides the file. Opt-in (on in the strict preset).',
    rationale:
      'Medium: the pod specs it serves include environment variables, image names and service account names of every pod on the node, readable by anything that reaches the node — a reconnaissance source for an attacker inside the cluster (CIS Kubernetes 4.2.4). A configuration file defaults to 0 (disabled), so only a port set explicitly is reported.',
    remediation:
      'Remove `readOnlyPort` or set it to 0; scrape metrics from the authenticated port 10250 (`/metrics`, `/metrics/cadvisor`) with a service account allowed `nodes/metrics`.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    optIn: true,
    aliases: ['CKV_K8S_141', 'KCV-0082'],
    references: ['https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/'],
    examples: {
      invalid: [
        {
          filename: 'nodes/kubelet-config.yaml',
          code: 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: 10255\n',
          errors: [{ line: 3, column: 15, endLine: 3, endColumn: 20 }],
        },
      ],
      valid: [
        {
          filename: 'nodes/kubelet-config.yaml',
          code: 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: 0\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const port = kubeletSetting(object, ['readOnlyPort'], 'read-only-port');
    const value = Number(port?.value);
    if (!port || !Number.isInteger(value) || value <= 0) return;
    reportKubelet(
      ctx,
      object,
      port.at,
      `${port.says}: pod specs and metrics of the node are served there without authentication.`,
      'read-only-port',
    );
  },
});
