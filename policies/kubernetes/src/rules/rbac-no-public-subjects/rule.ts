import { defineRule } from '@plumbline/core';
import { asArray, asObj, asString, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';
import { isBinding } from '../../rbac.js';

const PUBLIC = new Set(['system:anonymous', 'system:unauthenticated', 'system:authenticated', 'system:serviceaccounts', 'system:masters']);

export default defineRule<K8sObject>({
  id: 'k8s/rbac-no-public-subjects',
  domain: k8sDomain,
  meta: {
    title: 'Binding grants a role to everyone',
    description:
      'A RoleBinding or ClusterRoleBinding names `system:anonymous`, `system:unauthenticated`, `system:authenticated`, `system:serviceaccounts` (every service account) or `system:masters` as a subject. Bindings to the built-in `system:*` roles are not reported.',
    rationale:
      'Critical: the role is granted to anyone who can reach the API server (anonymous, unauthenticated), to every identity of the cluster, or — for system:masters — membership is itself unrevocable cluster-admin. Nothing else narrows it.',
    remediation: 'Bind the role to the specific users, groups or service accounts that need it.',
    category: 'security',
    severity: 'critical',
    confidence: 'high',
    aliases: ['KSV-0122', 'KSV-0123'],
    references: ['https://kubernetes.io/docs/reference/access-authn-authz/rbac/#default-roles-and-role-bindings'],
    examples: {
      invalid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: open\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\nsubjects:\n  - kind: Group\n    name: system:unauthenticated\n',
          errors: [{ line: 11, column: 11, endLine: 11, endColumn: 33 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: discovery\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: system:public-info-viewer\nsubjects:\n  - kind: Group\n    name: system:unauthenticated\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (!isBinding(object)) return;
    const role = asString(asObj(object.data.roleRef).name) ?? '';
    if (role.startsWith('system:')) return;
    asArray(object.data.subjects).forEach((s, i) => {
      const name = asString(asObj(s).name) ?? '';
      if (!PUBLIC.has(name)) return;
      report(ctx, object, object.at(['subjects', i, 'name'])!, `${object.kind} \`${object.name}\` grants \`${role}\` to \`${name}\`.`, name);
    });
  },
});
