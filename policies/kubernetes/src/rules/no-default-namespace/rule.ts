import { defineRule } from '@plumbline/core';
import { type K8sObject, podSpecsOf } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/no-default-namespace',
  domain: k8sDomain,
  meta: {
    title: 'Workload placed in the default namespace',
    description:
      'A workload or Service sets `namespace: default`. (Manifests without a namespace are not reported: Kustomize, Helm or `kubectl -n` usually set it.)',
    rationale:
      'Low: the default namespace usually has no NetworkPolicy, quota or Pod Security labels, and everything in it shares one blast radius and one set of RBAC grants. It is an organisational weakness rather than a direct hole.',
    remediation: 'Create a namespace per application or team, with Pod Security admission labels, quotas and a default-deny NetworkPolicy, and deploy there.',
    category: 'best-practice',
    severity: 'low',
    confidence: 'high',
    aliases: ['CKV_K8S_21', 'KSV-0110', 'kube-linter:use-namespace'],
    references: ['https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\n  namespace: default\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n',
          errors: [{ line: 5, column: 14, endLine: 5, endColumn: 21 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\n  namespace: shop\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (object.declaredNamespace !== 'default') return;
    if (podSpecsOf(object).length === 0 && object.kind !== 'Service') return;
    report(ctx, object, object.at(['metadata', 'namespace'])!, `${object.kind} \`${object.name}\` is deployed to the \`default\` namespace.`, 'default');
  },
});
