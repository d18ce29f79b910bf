import type { Project } from '@plumbline/core';
import { defineRule } from '@plumbline/core';
import { asArray, asObj, asString, type K8sObject, k8sGraph } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';
import { isBinding, policyRules } from '../../rbac.js';

const ANONYMOUS = new Set(['system:anonymous', 'system:unauthenticated']);
const EVERYONE = new Set(['system:authenticated', 'system:serviceaccounts']);

export default defineRule<K8sObject>({
  id: 'k8s/rbac-no-public-subjects',
  domain: k8sDomain,
  meta: {
    title: 'Binding grants a role to everyone',
    description:
      'A RoleBinding or ClusterRoleBinding grants a role to `system:anonymous` or `system:unauthenticated`, or grants a role that writes, reads Secrets, or is `cluster-admin`/`admin`/`edit` to `system:authenticated` or `system:serviceaccounts` (every service account). Bindings to the built-in `system:*` roles, and read-only roles published to every signed-in identity, are not reported.',
    rationale:
      'Critical: the rights go to anyone who can reach the API server, or to every identity and workload of the cluster — one compromised pod anywhere then holds them. Nothing else narrows such a grant.',
    remediation: 'Bind the role to the specific users, groups or service accounts that need it.',
    category: 'security',
    severity: 'critical',
    confidence: 'high',
    aliases: ['KSV-0122', 'KSV-01011'],
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#default-roles-and-role-bindings',
    ],
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
    const ref = asObj(object.data.roleRef);
    const role = asString(ref.name) ?? '';
    if (role.startsWith('system:')) return;
    asArray(object.data.subjects).forEach((s, i) => {
      const name = asString(asObj(s).name) ?? '';
      if (!ANONYMOUS.has(name) && !EVERYONE.has(name)) return;
      // Every signed-in identity may legitimately read a published object (or `use` a policy);
      // what matters is a role that writes, reads Secrets, or is one of the powerful defaults.
      if (EVERYONE.has(name) && !isPowerful(ctx, object, asString(ref.kind) ?? 'ClusterRole', role)) return;
      report(
        ctx,
        object,
        object.at(['subjects', i, 'name'])!,
        `${object.kind} \`${object.name}\` grants \`${role}\` to \`${name}\`.`,
        name,
      );
    });
  },
});

const READ_ONLY = new Set(['get', 'list', 'watch', 'use']);
const POWERFUL_DEFAULTS = new Set(['cluster-admin', 'admin', 'edit']);

function isPowerful(ctx: { project: Project }, binding: K8sObject, kind: string, name: string): boolean {
  if (POWERFUL_DEFAULTS.has(name)) return true;
  const graph = k8sGraph(ctx.project, binding);
  const roles =
    kind === 'Role' ? graph.find('Role', binding.namespace, name) : graph.find('ClusterRole', '', name);
  // An unknown role is given the benefit of the doubt.
  return roles.some((r) =>
    policyRules(r).some(
      (rule) =>
        rule.verbs.some((v) => !READ_ONLY.has(v)) ||
        rule.resources.includes('secrets') ||
        rule.resources.includes('*'),
    ),
  );
}
