import { defineRule } from '@plumbline/core';
import { type K8sObject, k8sGraph } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { isPdb } from '../../graph-helpers.js';
import { report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/pdb-selects-nothing',
  domain: k8sDomain,
  meta: {
    title: 'PodDisruptionBudget selects no pod',
    description:
      'The selector of a PodDisruptionBudget matches none of the pods defined in its namespace (checked only when workloads of that namespace sit in the same folder).',
    rationale:
      'Low: the budget protects nothing — usually a label typo — while the team believes drains are safe for the workload it was written for.',
    remediation: 'Make `spec.selector` match the pod template labels of the workload.',
    category: 'reliability',
    severity: 'low',
    confidence: 'medium',
    aliases: [],
    references: ['https://kubernetes.io/docs/tasks/run-application/configure-pdb/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: wbe}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web}\nspec:\n  containers:\n    - name: web\n      image: web:1.0\n',
          errors: [{ line: 7, column: 3, endLine: 7, endColumn: 11 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: web}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels: {app: web}\nspec:\n  containers:\n    - name: web\n      image: web:1.0\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (!isPdb(object)) return;
    const graph = k8sGraph(ctx.project);
    if (!graph.hasWorkloadsBeside(object)) return;
    if (graph.podsSelectedBy(object.namespace, object.get(['spec', 'selector']) ?? {}).length > 0) return;
    report(ctx, object, object.keyAt(['spec', 'selector']) ?? object.nameLoc, `PodDisruptionBudget \`${object.name}\` selects no pod of namespace \`${object.namespace}\`.`, 'selector');
  },
});
