import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';
import { grantsOn } from '../../rbac.js';

export default defineRule<K8sObject>({
  id: 'k8s/rbac-no-pod-log-deletion',
  domain: k8sDomain,
  meta: {
    title: 'Role can delete pod logs',
    description: 'A Role or ClusterRole grants `delete` or `deletecollection` (or `*`) on `pods/log`.',
    rationale:
      'Low: deleting logs is how an intruder covers tracks, so no role should ask for it. The API server serves no delete on `pods/log` today and most clusters ship logs off the node quickly, so the grant has little effect of its own; it marks a role written by copy and paste that deserves a review.',
    remediation: 'Grant only `get` (and `list`) on `pods/log`.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: ['KSV-0042'],
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: log-admin\nrules:\n  - apiGroups: [""]\n    resources: ["pods/log"]\n    verbs: ["get", "delete"]\n',
          errors: [{ line: 7, column: 17, endLine: 7, endColumn: 27 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: log-reader\nrules:\n  - apiGroups: [""]\n    resources: ["pods/log"]\n    verbs: ["get", "list"]\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const g of grantsOn(object, { 'pods/log': [''] }, ['delete', 'deletecollection'])) {
      report(
        ctx,
        object,
        object.at(g.route)!,
        `${object.kind} \`${object.name}\` can delete pod logs.`,
        g.route.join('.'),
      );
    }
  },
});
