import { defineRule } from '@plumbline/core';
import { type K8sObject, k8sGraph, selectorMatches } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { danglingDecidable, isPdb } from '../../graph-helpers.js';
import { report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/pdb-selects-nothing',
  domain: k8sDomain,
  meta: {
    title: 'PodDisruptionBudget selects no pod',
    description:
      'The selector of a PodDisruptionBudget matches none of the pods defined in its namespace (judged only when a workload of the same namespace and folder is itself covered by no budget, and no operator-managed custom resource may run pods the manifests do not show).',
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
    const graph = k8sGraph(ctx.project, object);
    if (graph.selectsAnyPod(object.namespace, object.get(['spec', 'selector']) ?? {})) return;
    const pdbs = graph.inNamespace(object.namespace).filter(isPdb);
    if (
      !danglingDecidable(graph, object, (pod) =>
        pdbs.some((p) => selectorMatches(p.get(['spec', 'selector']) ?? {}, pod.labels)),
      )
    )
      return;
    report(
      ctx,
      object,
      object.keyAt(['spec', 'selector']) ?? object.nameLoc,
      `PodDisruptionBudget \`${object.name}\` selects no pod of namespace \`${object.namespace}\`.`,
      'selector',
    );
  },
});
