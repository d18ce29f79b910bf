import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';
import { grantsOn, WRITE_VERBS } from '../../rbac.js';

export default defineRule<K8sObject>({
  id: 'k8s/rbac-no-configmap-write',
  domain: k8sDomain,
  meta: {
    title: 'Role can change every ConfigMap',
    description:
      'A Role or ClusterRole grants `create`, `update`, `patch`, `delete` or `deletecollection` on `configmaps` without naming the ConfigMaps (`resourceNames`). Opt-in (the strict preset turns it on).',
    rationale:
      "Low: ConfigMaps steer the workloads that read them (feature flags, proxy and auth settings, scripts mounted into pods), so whoever rewrites them changes what those pods do. Many controllers legitimately keep state in ConfigMaps, so the grant is a hint for review rather than a defect; the EKS `aws-auth` ConfigMap is `k8s/rbac-no-aws-auth-write`'s concern.",
    remediation:
      'Limit write access to the ConfigMaps the subject owns with `resourceNames`, or move leader election to `leases` (coordination.k8s.io).',
    category: 'security',
    severity: 'low',
    confidence: 'medium',
    optIn: true,
    aliases: ['KSV-0049'],
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: config-sync\nrules:\n  - apiGroups: [""]\n    resources: ["configmaps"]\n    verbs: ["get", "update", "patch"]\n',
          errors: [{ line: 7, column: 17, endLine: 7, endColumn: 29 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: config-sync\nrules:\n  - apiGroups: [""]\n    resources: ["configmaps"]\n    resourceNames: ["feature-flags"]\n    verbs: ["get", "update", "patch"]\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const g of grantsOn(object, { configmaps: [''] }, WRITE_VERBS)) {
      if (g.rule.resourceNames.length > 0) continue;
      report(
        ctx,
        object,
        object.at(g.route)!,
        `${object.kind} \`${object.name}\` can change every ConfigMap${object.kind === 'Role' ? ' of its namespace' : ''}.`,
        g.route.join('.'),
      );
    }
  },
});
