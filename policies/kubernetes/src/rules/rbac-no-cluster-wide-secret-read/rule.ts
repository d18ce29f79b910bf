import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';
import { grants, policyRules, resourceIndex } from '../../rbac.js';

export default defineRule<K8sObject>({
  id: 'k8s/rbac-no-cluster-wide-secret-read',
  domain: k8sDomain,
  meta: {
    title: 'ClusterRole reads all Secrets',
    description: 'A ClusterRole grants `get`, `list` or `watch` on `secrets` without `resourceNames`, i.e. on every Secret it is bound over — cluster-wide through a ClusterRoleBinding.',
    rationale:
      'High: Secrets hold database passwords, cloud keys and service-account tokens; reading them all is a direct path to every other workload and often to cluster-admin. `list`/`watch` return the values, not just names.',
    remediation: 'Use a namespaced Role, restrict the rule with `resourceNames`, or have the workload receive only its own Secret (mounted) instead of reading through the API.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['KSV-0041', 'kube-linter:access-to-secrets'],
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets'],
    examples: {
      invalid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\nrules:\n  - apiGroups: [""]\n    resources: ["configmaps", "secrets"]\n    verbs: ["list"]\n',
          errors: [{ line: 7, column: 31, endLine: 7, endColumn: 40 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\nrules:\n  - apiGroups: [""]\n    resources: ["secrets"]\n    resourceNames: ["tls-cert"]\n    verbs: ["get"]\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (object.kind !== 'ClusterRole') return;
    for (const rule of policyRules(object)) {
      const i = resourceIndex(rule, ['secrets']);
      if (i < 0 || rule.resourceNames.length > 0 || !grants(rule, ['get', 'list', 'watch'])) continue;
      report(ctx, object, object.at([...rule.route, 'resources', i])!, `ClusterRole \`${object.name}\` can read every Secret.`, rule.route.join('.'));
    }
  },
});
