import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { controlPlaneContainers, describe, flagIsFalse, reportFlag } from '../../control-plane.js';
import { k8sDomain } from '../../domain.js';

export default defineRule<K8sObject>({
  id: 'k8s/apiserver-anonymous-auth',
  domain: k8sDomain,
  meta: {
    title: 'API server accepts anonymous requests',
    description:
      'A kube-apiserver static pod (`/etc/kubernetes/manifests/kube-apiserver.yaml`) runs without `--anonymous-auth=false`, so a request without credentials is served as `system:anonymous`. Opt-in (the strict preset turns it on): only repositories that keep control-plane manifests, as kubeadm users do, have something to check.',
    rationale:
      'Medium: anonymous requests get whatever RBAC grants `system:anonymous` and `system:unauthenticated` (discovery and health endpoints by default); one careless binding then opens the API to anyone who can reach it (CIS Kubernetes 1.2.1). An API server given `--authentication-config` configures anonymous access in that file, which the manifest does not show, and is not reported unless it also sets the flag.',
    remediation:
      'Add `--anonymous-auth=false` to the command, or with Kubernetes 1.32+ restrict anonymous access to the health endpoints through `anonymous.conditions` of an `AuthenticationConfiguration` file.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    optIn: true,
    aliases: ['CKV_K8S_68'],
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests',
      'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/',
    ],
    examples: {
      invalid: [
        {
          filename: 'manifests/kube-apiserver.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n  - command:\n    - kube-apiserver\n    - --authorization-mode=Node,RBAC\n    - --anonymous-auth=true\n    image: registry.k8s.io/kube-apiserver:v1.30.2\n    name: kube-apiserver\n',
          errors: [{ line: 11, column: 7, endLine: 11, endColumn: 28 }],
        },
      ],
      valid: [
        {
          filename: 'manifests/kube-apiserver.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  containers:\n  - command:\n    - kube-apiserver\n    - --authorization-mode=Node,RBAC\n    - --anonymous-auth=false\n    image: registry.k8s.io/kube-apiserver:v1.30.2\n    name: kube-apiserver\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const cp of controlPlaneContainers(object)) {
      if (cp.component !== 'kube-apiserver') continue;
      const flag = cp.flags.get('anonymous-auth');
      if (flagIsFalse(flag)) continue;
      if (!flag && cp.flags.has('authentication-config')) continue;
      const how = flag
        ? `sets \`--anonymous-auth=${flag.value ?? 'true'}\``
        : 'runs without `--anonymous-auth=false`';
      reportFlag(
        ctx,
        cp,
        flag,
        `${describe(cp)} ${how}: requests without credentials are served as \`system:anonymous\`.`,
        'anonymous-auth',
      );
    }
  },
});
