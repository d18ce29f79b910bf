import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';
import { grantsOn } from '../../rbac.js';

const RBAC = ['rbac.authorization.k8s.io'];

export default defineRule<K8sObject>({
  id: 'k8s/rbac-no-binding-write',
  domain: k8sDomain,
  meta: {
    title: 'Role can create or change role bindings',
    description:
      "A Role or ClusterRole grants `create`, `update` or `patch` on `rolebindings` or `clusterrolebindings` without naming them (`resourceNames`). Together with `bind` or `escalate` this hands out any role; that verb is `k8s/rbac-no-escalation-verbs`' finding. Opt-in (the strict preset turns it on).",
    rationale:
      'Low: without `bind`, the API server only lets the subject grant permissions it already holds, but it can still add other users and service accounts to its own bindings and spread its access beyond the people the binding was written for. Deployment tools (Helm, Argo CD, operators that manage tenants) hold such grants by design.',
    remediation:
      'Leave binding management to the platform team; when a controller must manage bindings, restrict it with `resourceNames` and keep `bind` and `escalate` out of its role.',
    category: 'security',
    severity: 'low',
    confidence: 'medium',
    optIn: true,
    aliases: ['KSV-0055'],
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping',
    ],
    examples: {
      invalid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: team-lead\nrules:\n  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["rolebindings"]\n    verbs: ["get", "patch"]\n',
          errors: [{ line: 7, column: 17, endLine: 7, endColumn: 31 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: team-lead\nrules:\n  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["rolebindings"]\n    verbs: ["get", "list"]\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const bindings = { rolebindings: RBAC, clusterrolebindings: RBAC };
    for (const g of grantsOn(object, bindings, ['create', 'update', 'patch'])) {
      if (g.rule.resourceNames.length > 0) continue;
      report(
        ctx,
        object,
        object.at(g.route)!,
        `${object.kind} \`${object.name}\` can write \`${g.resource}\`.`,
        g.route.join('.'),
      );
    }
  },
});
