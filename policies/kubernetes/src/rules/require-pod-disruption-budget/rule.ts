import { defineRule } from '@plumbline/core';
import { type K8sObject, k8sGraph } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { isMultiReplica, pdbsFor } from '../../graph-helpers.js';
import { podsOf, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/require-pod-disruption-budget',
  domain: k8sDomain,
  meta: {
    title: 'Replicated workload without a PodDisruptionBudget',
    description:
      'A Deployment, StatefulSet or Rollout runs several replicas (explicit `replicas` ≥ 2, or an HPA) but no PodDisruptionBudget of its namespace selects its pods.',
    rationale:
      'Low: without a PDB a node drain or cluster upgrade may evict all replicas at once, so the redundancy the replicas were meant to give disappears exactly during maintenance. Low because voluntary disruptions are planned and often watched.',
    remediation:
      "Add a `PodDisruptionBudget` with `maxUnavailable: 1` (or `minAvailable` below the replica count) selecting the workload's pod labels.",
    category: 'reliability',
    severity: 'low',
    confidence: 'medium',
    aliases: ['polaris:missingPodDisruptionBudget', 'kube-score:deployment-has-poddisruptionbudget'],
    references: ['https://kubernetes.io/docs/tasks/run-application/configure-pdb/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/web.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
          errors: [{ line: 4, column: 9, endLine: 4, endColumn: 12 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/web.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
          files: {
            'k8s/pdb.yaml':
              'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: web}\n',
          },
        },
      ],
    },
  },
  check(object, ctx) {
    const graph = k8sGraph(ctx.project, object);
    const pod = podsOf(object, { classes: ['service'] })[0];
    if (!pod || !isMultiReplica(graph, object)) return;
    if (pdbsFor(graph, object, pod).length > 0) return;
    report(
      ctx,
      object,
      object.nameLoc,
      `No PodDisruptionBudget selects the pods of ${object.kind} \`${object.name}\`.`,
      'pdb',
    );
  },
});
