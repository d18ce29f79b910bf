import { defineRule } from '@plumbline/core';
import { asString, isArgoWorkflowKind, type K8sObject, k8sGraph } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { isTrue, podsOf, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/no-service-account-token-automount',
  domain: k8sDomain,
  meta: {
    title: 'API token mounted into a pod that runs as the default service account',
    description:
      'A pod runs as the `default` service account (or names none) and does not set `automountServiceAccountToken: false` (neither on the pod nor on a ServiceAccount object found in the repository), so a Kubernetes API token sits in every container.',
    rationale:
      'Low: the default account usually has few rights, but the token identifies the pod to the API server and gains whatever a later RoleBinding grants to `default`; an intruder gets it for free. Pods with a dedicated account are not reported: they usually mount the token on purpose.',
    remediation:
      'Set `automountServiceAccountToken: false` on the pod (or on the ServiceAccount). Pods that call the API should run as their own ServiceAccount.',
    category: 'security',
    severity: 'low',
    confidence: 'medium',
    aliases: ['CKV_K8S_38', 'KSV-0036', 'polaris:automountServiceAccountToken'],
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting',
    ],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n',
          errors: [{ line: 5, column: 1, endLine: 5, endColumn: 5 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  automountServiceAccountToken: false\n  containers:\n    - name: app\n      image: app:1.0\n',
        },
      ],
    },
  },
  check(object, ctx) {
    // Argo's executor needs the token to report results.
    if (isArgoWorkflowKind(object)) return;
    for (const p of podsOf(object)) {
      const automount = p.field('automountServiceAccountToken');
      if (automount && !isTrue(automount.value)) continue;
      const account =
        asString(p.field('serviceAccountName')?.value) ??
        asString(p.field('serviceAccount')?.value) ??
        'default';
      if (account !== 'default') continue;
      if (!automount) {
        const sa = k8sGraph(ctx.project).find('ServiceAccount', object.namespace, 'default');
        if (sa.some((s) => s.data.automountServiceAccountToken === false)) continue;
      }
      const at = automount ? object.at(automount.route)! : p.anchor;
      report(
        ctx,
        object,
        at,
        `${p.label} runs as the default service account with its API token mounted.`,
        'default',
      );
    }
  },
});
