import { defineRule } from '@plumbline/core';
import { asString, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { onceEach, podsOf, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/no-default-service-account',
  domain: k8sDomain,
  meta: {
    title: 'Pod runs as the default service account',
    description:
      'A pod sets no `serviceAccountName` (or sets `default`), so it shares one identity with every other such pod of the namespace.',
    rationale:
      'Low: the default account has no rights unless someone grants them, but any grant then reaches every pod of the namespace, and audit logs cannot tell the workloads apart. A dedicated account per workload keeps least privilege possible.',
    remediation:
      'Create a ServiceAccount per workload (with `automountServiceAccountToken: false` unless it calls the API) and set `serviceAccountName`.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: ['CKV_K8S_41', 'kube-linter:default-service-account'],
    references: ['https://kubernetes.io/docs/concepts/security/service-accounts/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  serviceAccountName: default\n  containers:\n    - name: app\n      image: app:1.0\n',
          errors: [{ line: 6, column: 23, endLine: 6, endColumn: 30 }],
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
    const once = onceEach();
    for (const p of podsOf(object)) {
      const setting = p.field('serviceAccountName') ?? p.field('serviceAccount');
      const account = asString(setting?.value) ?? 'default';
      if (account !== 'default') continue;
      const at = setting ? object.at(setting.route)! : p.anchor;
      if (setting && !once(setting.route)) continue;
      report(ctx, object, at, `${p.label} runs as the \`default\` service account.`, 'default');
    }
  },
});
