import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { capitalized, podsOf, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/no-deprecated-service-account-field',
  domain: k8sDomain,
  meta: {
    title: 'Deprecated `serviceAccount` field',
    description: 'A pod spec sets `serviceAccount`, the deprecated alias of `serviceAccountName`.',
    rationale:
      'Low: it still works, but tools and readers look at `serviceAccountName`; when both are set and differ, the outcome surprises reviewers.',
    remediation: 'Rename `serviceAccount` to `serviceAccountName`.',
    category: 'best-practice',
    severity: 'low',
    confidence: 'high',
    aliases: ['kube-linter:deprecated-service-account-field'],
    references: [
      'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context',
    ],
    fixable: false,
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  serviceAccount: app\n  containers:\n    - name: app\n      image: app:1.0\n',
          errors: [{ line: 6, column: 3, endLine: 6, endColumn: 17 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  serviceAccountName: app\n  containers:\n    - name: app\n      image: app:1.0\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const p of podsOf(object, { skipPartial: false })) {
      if (p.templateName !== undefined) continue;
      const setting = p.field('serviceAccount');
      if (!setting) continue;
      report(
        ctx,
        object,
        object.keyAt(setting.route)!,
        `${capitalized(p.label)} uses the deprecated \`serviceAccount\` field.`,
        'serviceAccount',
      );
    }
  },
});
