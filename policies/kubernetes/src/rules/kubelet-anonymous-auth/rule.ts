import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { kubeletSetting, reportKubelet } from '../../kubelet-config.js';
import { isTrue } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/kubelet-anonymous-auth',
  domain: k8sDomain,
  meta: {
    title: 'Kubelet accepts anonymous requests',
    description:
      'A kubelet configuration file (`KubeletConfiguration`, as kubeadm writes to `/var/lib/kubelet/config.yaml`) sets `authentication.anonymous.enabled: true`: a request to the kubelet API (port 10250) without credentials is served as `system:anonymous`. A kubeadm `InitConfiguration` or `JoinConfiguration` that passes the kubelet `--anonymous-auth=true` through `nodeRegistration.kubeletExtraArgs` is reported too: the flag overrides the file. Opt-in (the strict preset turns it on): only repositories that keep node configuration, as kubeadm users do, have something to check.',
    rationale:
      'Medium: what an anonymous caller may do then depends on the authorization mode alone; with `AlwaysAllow` (`k8s/kubelet-authorization-mode`) anyone who reaches the node can list its pods and run commands in them (CIS Kubernetes 4.2.1). In a configuration file anonymous access is off unless enabled, so only an explicit `true` is reported.',
    remediation:
      'Set `authentication.anonymous.enabled: false` (or remove it) and keep `authentication.webhook.enabled: true` with an `x509.clientCAFile`, so that the API server authenticates to the kubelet with its client certificate.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    optIn: true,
    aliases: ['CKV_K8S_138', 'KCV-0079'],
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/',
      'https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/',
    ],
    examples: {
      invalid: [
        {
          filename: 'nodes/kubelet-config.yaml',
          code: 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nauthentication:\n  anonymous:\n    enabled: true\n',
          errors: [{ line: 5, column: 14, endLine: 5, endColumn: 18 }],
        },
      ],
      valid: [
        {
          filename: 'nodes/kubelet-config.yaml',
          code: 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nauthentication:\n  anonymous:\n    enabled: false\n  webhook:\n    enabled: true\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const enabled = kubeletSetting(object, ['authentication', 'anonymous', 'enabled'], 'anonymous-auth');
    if (!enabled || !isTrue(enabled.value)) return;
    reportKubelet(
      ctx,
      object,
      enabled.at,
      `${enabled.says}: requests without credentials reach the kubelet API as \`system:anonymous\`.`,
      'anonymous-auth',
    );
  },
});
