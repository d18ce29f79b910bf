import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { controlPlaneContainers, describe, reportFlag } from '../../control-plane.js';
import { k8sDomain } from '../../domain.js';
import { list } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/apiserver-authorization-mode',
  domain: k8sDomain,
  meta: {
    title: 'API server authorizes every request, or without Node and RBAC',
    description:
      'A kube-apiserver static pod lists `AlwaysAllow` in `--authorization-mode`, leaves the flag out (its default is `AlwaysAllow`), or leaves out `Node` or `RBAC`. Opt-in (the strict preset turns it on).',
    rationale:
      'High for `AlwaysAllow`: every authenticated request — and every anonymous one, if anonymous auth is on — may do anything. Without `Node`, kubelets are not limited to the secrets and pods of their own node; without `RBAC`, Roles and bindings mean nothing (CIS Kubernetes 1.2.6-1.2.8). An API server given `--authorization-config` (structured authorization) configures its authorizers in that file and is not judged.',
    remediation:
      'Set `--authorization-mode=Node,RBAC` (kubeadm’s default), adding `Webhook` after them if you use one.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    optIn: true,
    aliases: ['CKV_K8S_74', 'CKV_K8S_75', 'CKV_K8S_77'],
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/authorization/#authorization-modules',
    ],
    examples: {
      invalid: [
        {
          filename: 'manifests/kube-apiserver.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n  - command:\n    - kube-apiserver\n    - --authorization-mode=AlwaysAllow\n    image: registry.k8s.io/kube-apiserver:v1.30.2\n    name: kube-apiserver\n',
          errors: [{ line: 10, column: 7, endLine: 10, endColumn: 39 }],
        },
      ],
      valid: [
        {
          filename: 'manifests/kube-apiserver.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n  - command:\n    - kube-apiserver\n    - --authorization-mode=Node,RBAC\n    image: registry.k8s.io/kube-apiserver:v1.30.2\n    name: kube-apiserver\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const cp of controlPlaneContainers(object)) {
      if (cp.component !== 'kube-apiserver' || cp.flags.has('authorization-config')) continue;
      const flag = cp.flags.get('authorization-mode');
      if (!flag) {
        reportFlag(
          ctx,
          cp,
          undefined,
          `${describe(cp)} runs without \`--authorization-mode\`, whose default \`AlwaysAllow\` lets every request do anything.`,
          'authorization-mode',
        );
        continue;
      }
      const modes = (flag.value ?? '').split(',').map((m) => m.trim());
      const problems: string[] = [];
      if (modes.includes('AlwaysAllow'))
        problems.push('lists `AlwaysAllow`, which lets every request do anything');
      const missing = ['Node', 'RBAC'].filter((m) => !modes.includes(m));
      if (missing.length > 0) problems.push(`leaves out ${list(missing.map((m) => `\`${m}\``))}`);
      if (problems.length === 0) continue;
      reportFlag(
        ctx,
        cp,
        flag,
        `${describe(cp)} \`--authorization-mode=${flag.value ?? ''}\` ${list(problems)}.`,
        'authorization-mode',
      );
    }
  },
});
