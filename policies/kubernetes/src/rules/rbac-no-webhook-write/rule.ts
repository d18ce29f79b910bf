import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';
import { grants, policyRules, WRITE_VERBS } from '../../rbac.js';

const WEBHOOKS = ['validatingwebhookconfigurations', 'mutatingwebhookconfigurations', 'validatingadmissionpolicies', 'validatingadmissionpolicybindings'];

export default defineRule<K8sObject>({
  id: 'k8s/rbac-no-webhook-write',
  domain: k8sDomain,
  meta: {
    title: 'Role can change admission webhooks',
    description: 'A Role or ClusterRole may create, update, patch or delete validating/mutating webhook configurations or admission policies.',
    rationale:
      'High: admission webhooks see and can rewrite every object sent to the API server (Secrets included); whoever controls them can inject containers into any pod or switch off the policies that guard the cluster.',
    remediation: 'Reserve write access on admission configuration to the cluster\'s installer or GitOps controller.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['KSV-0114', 'CKV_K8S_155'],
    references: ['https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: injector\nrules:\n  - apiGroups: ["admissionregistration.k8s.io"]\n    resources: ["mutatingwebhookconfigurations"]\n    verbs: ["get", "patch"]\n',
          errors: [{ line: 7, column: 17, endLine: 7, endColumn: 48 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/rbac.yaml',
          code: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: injector\nrules:\n  - apiGroups: ["admissionregistration.k8s.io"]\n    resources: ["mutatingwebhookconfigurations"]\n    verbs: ["get", "list", "watch"]\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const rule of policyRules(object)) {
      if (!grants(rule, WRITE_VERBS)) continue;
      rule.resources.forEach((r, i) => {
        if (!WEBHOOKS.includes(r)) return;
        report(ctx, object, object.at([...rule.route, 'resources', i])!, `${object.kind} \`${object.name}\` can change \`${r}\`.`, `${rule.route.join('.')}:${r}`);
      });
    }
  },
});
