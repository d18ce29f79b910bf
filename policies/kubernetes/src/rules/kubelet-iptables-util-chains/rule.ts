import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { isFalse, kubeletSetting, reportKubelet } from '../../kubelet-config.js';

export default defineRule<K8sObject>({
  id: 'k8s/kubelet-iptables-util-chains',
  domain: k8sDomain,
  meta: {
    title: 'Kubelet does not manage its iptables chains',
    description:
      'A kubelet configuration file sets `makeIPTablesUtilChains: false`: the kubelet stops keeping its iptables utility chains (such as `KUBE-FIREWALL`, which drops martian packets to localhost) in step with the pods of the node. A kubeadm `InitConfiguration` or `JoinConfiguration` that passes the kubelet `--make-iptables-util-chains=false` through `nodeRegistration.kubeletExtraArgs` is reported too: the flag overrides the file. Opt-in (on in the strict preset).',
    rationale:
      'Low: left to hand-written rules, the node’s firewall drifts from what the pods need, and traffic the kubelet would drop may get through (CIS Kubernetes 4.2.7). The default is `true`, so only an explicit `false` is reported.',
    remediation: 'Remove `makeIPTablesUtilChains: false` (the default is `true`).',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    optIn: true,
    aliases: ['CKV_K8S_145', 'KCV-0084'],
    references: ['https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/'],
    examples: {
      invalid: [
        {
          filename: 'nodes/kubelet-config.yaml',
          code: 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nmakeIPTablesUtilChains: false\n',
          errors: [{ line: 3, column: 25, endLine: 3, endColumn: 30 }],
        },
      ],
      valid: [
        {
          filename: 'nodes/kubelet-config.yaml',
          code: 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nmakeIPTablesUtilChains: true\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const chains = kubeletSetting(object, ['makeIPTablesUtilChains'], 'make-iptables-util-chains');
    if (!chains || !isFalse(chains.value)) return;
    reportKubelet(
      ctx,
      object,
      chains.at,
      `${chains.says}: the node’s iptables utility chains are no longer kept by the kubelet.`,
      'make-iptables-util-chains',
    );
  },
});
