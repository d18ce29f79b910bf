import { defineRule } from '@plumbline/core';
import { asArray, asObj, asString, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';
import { isBinding } from '../../rbac.js';

export default defineRule<K8sObject>({
  id: 'k8s/rbac-no-default-service-account-binding',
  domain: k8sDomain,
  meta: {
    title: 'Role bound to the default service account',
    description: 'A RoleBinding or ClusterRoleBinding grants a role to a namespace\'s `default` ServiceAccount.',
    rationale:
      'Medium: every pod of the namespace that names no service account runs as `default`, so the grant reaches all of them — including pods added later by other teams — instead of the one workload that needed it.',
    remediation: 'Create a dedicated ServiceAccount for the workload that needs the role, bind the role to it and set `serviceAccountName` on that workload.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: ['https://kubernetes.io/docs/concepts/security/service-accounts/#default-service-accounts'],
    examples: {
      invalid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: reader\n  namespace: shop\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\nsubjects:\n  - kind: ServiceAccount\n    name: default\n    namespace: shop\n',
          errors: [{ line: 12, column: 11, endLine: 12, endColumn: 18 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: reader\n  namespace: shop\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\nsubjects:\n  - kind: ServiceAccount\n    name: reporter\n    namespace: shop\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (!isBinding(object)) return;
    asArray(object.data.subjects).forEach((s, i) => {
      const subject = asObj(s);
      if (asString(subject.kind) !== 'ServiceAccount' || asString(subject.name) !== 'default') return;
      report(ctx, object, object.at(['subjects', i, 'name'])!, `${object.kind} \`${object.name}\` grants \`${asString(asObj(object.data.roleRef).name) ?? '?'}\` to the default service account of \`${asString(subject.namespace) ?? object.namespace}\`.`, `default:${asString(subject.namespace) ?? ''}`);
    });
  },
});
