import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { controlPlaneContainers, describe, reportFlag } from '../../control-plane.js';
import { k8sDomain } from '../../domain.js';

export default defineRule<K8sObject>({
  id: 'k8s/apiserver-audit-log',
  domain: k8sDomain,
  meta: {
    title: 'API server keeps no audit log',
    description:
      'A kube-apiserver static pod has no audit backend (`--audit-log-path` or `--audit-webhook-config-file`) or no `--audit-policy-file`; without a policy the API server records no events even when a backend is set. Opt-in (the strict preset turns it on).',
    rationale:
      'Medium: without an audit trail nobody can tell who read a secret, created a binding or exec’d into a pod, neither during an incident nor after it (CIS Kubernetes 1.2.16 and 3.2.1). kubeadm sets neither flag by default.',
    remediation:
      'Write an audit `Policy` file, mount it and the log directory into the pod, and add `--audit-policy-file=...` and `--audit-log-path=...` (with `--audit-log-maxage`, `--audit-log-maxbackup`, `--audit-log-maxsize`), or send events to a webhook with `--audit-webhook-config-file`.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    optIn: true,
    aliases: ['CKV_K8S_91'],
    references: ['https://kubernetes.io/docs/tasks/debug/debug-cluster/audit/'],
    examples: {
      invalid: [
        {
          filename: 'manifests/kube-apiserver.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n  - command:\n    - kube-apiserver\n    - --authorization-mode=Node,RBAC\n    image: registry.k8s.io/kube-apiserver:v1.30.2\n    name: kube-apiserver\n',
          errors: [{ line: 8, column: 5, endLine: 8, endColumn: 12 }],
        },
      ],
      valid: [
        {
          filename: 'manifests/kube-apiserver.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n  - command:\n    - kube-apiserver\n    - --authorization-mode=Node,RBAC\n    - --audit-policy-file=/etc/kubernetes/audit/policy.yaml\n    - --audit-log-path=/var/log/kubernetes/audit/audit.log\n    image: registry.k8s.io/kube-apiserver:v1.30.2\n    name: kube-apiserver\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const cp of controlPlaneContainers(object)) {
      if (cp.component !== 'kube-apiserver') continue;
      const set = (name: string) => (cp.flags.get(name)?.value ?? '') !== '';
      const backend = set('audit-log-path') || set('audit-webhook-config-file');
      const policy = set('audit-policy-file');
      if (backend && policy) continue;
      const missing =
        !backend && !policy
          ? 'neither `--audit-policy-file` nor `--audit-log-path` (or `--audit-webhook-config-file`)'
          : !policy
            ? 'no `--audit-policy-file`, so no event is recorded'
            : 'no `--audit-log-path` or `--audit-webhook-config-file`, so the events go nowhere';
      reportFlag(
        ctx,
        cp,
        undefined,
        `${describe(cp)} has ${missing}: API requests leave no audit trail.`,
        'audit',
      );
    }
  },
});
