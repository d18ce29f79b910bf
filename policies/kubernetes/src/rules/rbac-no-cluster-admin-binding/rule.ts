import { defineRule } from '@plumbline/core';
import { asObj, asString, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';
import { isBinding } from '../../rbac.js';

export default defineRule<K8sObject>({
  id: 'k8s/rbac-no-cluster-admin-binding',
  domain: k8sDomain,
  meta: {
    title: 'Binding to cluster-admin',
    description: 'A RoleBinding or ClusterRoleBinding grants the `cluster-admin` ClusterRole.',
    rationale:
      'High: cluster-admin can do anything to anything; through a ClusterRoleBinding it covers every namespace, through a RoleBinding every object of the namespace (Secrets, RBAC included). Any compromise of the subject is a compromise of the cluster or namespace.',
    remediation: 'Bind a role that lists what the subject needs; keep cluster-admin for break-glass access outside the manifests.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['KSV-0111', 'kube-linter:cluster-admin-role-binding', 'polaris:clusterrolebindingClusterAdmin', 'polaris:rolebindingClusterAdminClusterRole'],
    references: ['https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles'],
    examples: {
      invalid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: ci\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\nsubjects:\n  - kind: ServiceAccount\n    name: ci\n    namespace: ci\n',
          errors: [{ line: 8, column: 9, endLine: 8, endColumn: 22 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: ci\n  namespace: shop\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: edit\nsubjects:\n  - kind: ServiceAccount\n    name: ci\n    namespace: ci\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (!isBinding(object)) return;
    const ref = asObj(object.data.roleRef);
    if (asString(ref.name) !== 'cluster-admin' || asString(ref.kind) !== 'ClusterRole') return;
    report(ctx, object, object.at(['roleRef', 'name'])!, `${object.kind} \`${object.name}\` grants cluster-admin.`, 'cluster-admin');
  },
});
