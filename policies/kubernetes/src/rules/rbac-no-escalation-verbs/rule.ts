import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';
import { policyRules } from '../../rbac.js';

const VERBS = ['escalate', 'bind', 'impersonate'];

export default defineRule<K8sObject>({
  id: 'k8s/rbac-no-escalation-verbs',
  domain: k8sDomain,
  meta: {
    title: 'Role grants escalate, bind or impersonate',
    description: 'A Role or ClusterRole grants the `escalate`, `bind` or `impersonate` verb.',
    rationale:
      "Critical: these verbs exist to bypass RBAC's own guard. `escalate` edits roles beyond one's rights, `bind` grants any existing role (cluster-admin included), `impersonate` acts as any user, group or service account. Each is one step from cluster-admin.",
    remediation:
      'Remove the verb. Only the RBAC management tooling of the platform team should hold it, through a reviewed, audited binding.',
    category: 'security',
    severity: 'critical',
    confidence: 'high',
    aliases: ['KSV-0043', 'KSV-0050', 'KSV-0051', 'KSV-0052', 'CKV_K8S_157', 'CKV_K8S_158'],
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/#escalate-verb'],
    examples: {
      invalid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: helper\nrules:\n  - apiGroups: [""]\n    resources: ["users", "groups"]\n    verbs: ["impersonate"]\n',
          errors: [{ line: 8, column: 13, endLine: 8, endColumn: 26 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: helper\nrules:\n  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["roles"]\n    verbs: ["get", "list"]\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const rule of policyRules(object)) {
      rule.verbs.forEach((verb, i) => {
        if (!VERBS.includes(verb)) return;
        report(
          ctx,
          object,
          object.at([...rule.route, 'verbs', i])!,
          `${object.kind} \`${object.name}\` grants \`${verb}\`.`,
          `${rule.route.join('.')}:${verb}`,
        );
      });
    }
  },
});
