import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { kubeletSetting, reportKubelet } from '../../kubelet-config.js';

export default defineRule<K8sObject>({
  id: 'k8s/kubelet-authorization-mode',
  domain: k8sDomain,
  meta: {
    title: 'Kubelet authorizes every request',
    description:
      'A kubelet configuration file sets `authorization.mode: AlwaysAllow`: every request the kubelet authenticates — anonymous ones too, when they are enabled — may use the whole kubelet API, including `exec`, `attach`, `portForward` and the pod logs of the node. A kubeadm `InitConfiguration` or `JoinConfiguration` that passes the kubelet `--authorization-mode=AlwaysAllow` through `nodeRegistration.kubeletExtraArgs` is reported too: the flag overrides the file. Opt-in (on in the strict preset).',
    rationale:
      'High: the kubelet API runs commands in every container of the node; with `AlwaysAllow` the API server’s RBAC no longer decides who may (CIS Kubernetes 4.2.2). A configuration file defaults to `Webhook`, so only an explicit `AlwaysAllow` is reported.',
    remediation:
      'Set `authorization.mode: Webhook` (the default of a configuration file): the kubelet then asks the API server, through SubjectAccessReviews, whether the caller may use `nodes/proxy`, `nodes/log` and the other node subresources.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    optIn: true,
    aliases: ['CKV_K8S_139', 'KCV-0080'],
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/#kubelet-authorization',
      'https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/',
    ],
    examples: {
      invalid: [
        {
          filename: 'nodes/kubelet-config.yaml',
          code: 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nauthorization:\n  mode: AlwaysAllow\n',
          errors: [{ line: 4, column: 9, endLine: 4, endColumn: 20 }],
        },
      ],
      valid: [
        {
          filename: 'nodes/kubelet-config.yaml',
          code: 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nauthorization:\n  mode: Webhook\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const mode = kubeletSetting(object, ['authorization', 'mode'], 'authorization-mode');
    if (mode?.value !== 'AlwaysAllow') return;
    reportKubelet(
      ctx,
      object,
      mode.at,
      `${mode.says}: any caller the kubelet accepts may exec into the node’s pods.`,
      'authorization-mode',
    );
  },
});
