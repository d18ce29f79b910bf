import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';
import { policyRules } from '../../rbac.js';

export default defineRule<K8sObject>({
  id: 'k8s/rbac-no-wildcards',
  domain: k8sDomain,
  meta: {
    title: 'RBAC rule grants a wildcard',
    description: 'A Role or ClusterRole rule uses `*` in `verbs`, `resources` or `apiGroups`.',
    rationale:
      'High: a wildcard grants every present and future verb, resource or API group — including `escalate`, `bind`, secrets and CRDs installed later — so the role silently grows with the cluster and least privilege cannot be reviewed.',
    remediation: 'List the verbs, resources and API groups the subject actually needs.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['CKV_K8S_49', 'KSV-0044', 'KSV-0045', 'KSV-0046', 'KSV-0112', 'kube-linter:wildcard-in-rules'],
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: deployer\nrules:\n  - apiGroups: ["apps"]\n    resources: ["deployments"]\n    verbs: ["*"]\n',
          errors: [{ line: 8, column: 13, endLine: 8, endColumn: 16 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: deployer\nrules:\n  - apiGroups: ["apps"]\n    resources: ["deployments"]\n    verbs: ["get", "list", "watch", "patch"]\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const rule of policyRules(object)) {
      for (const field of ['apiGroups', 'resources', 'verbs'] as const) {
        const i = rule[field].indexOf('*');
        if (i < 0) continue;
        report(ctx, object, object.at([...rule.route, field, i])!, `${object.kind} \`${object.name}\` grants \`*\` in ${field}.`, `${rule.route.join('.')}:${field}`);
      }
    }
  },
});
