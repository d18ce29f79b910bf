import { defineRule } from '@plumbline/core';
import { type K8sObject, k8sGraph, podSpecsOf } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { hpasFor, intOrPercent, isPdb, REPLICATED } from '../../graph-helpers.js';
import { report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/pdb-min-available-vs-hpa',
  domain: k8sDomain,
  meta: {
    title: 'PodDisruptionBudget minAvailable reaches the HPA minimum',
    description:
      'A PodDisruptionBudget requires `minAvailable` pods while the HPA of the workload it selects may scale down to `minReplicas` ≤ that number.',
    rationale:
      'Medium: whenever the autoscaler has shrunk the workload to its minimum, the budget allows no eviction and node drains hang — typically at night, during the cluster upgrade window.',
    remediation:
      "Use `maxUnavailable: 1` in the PDB, or keep `minAvailable` strictly below the HPA's `minReplicas`.",
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: ['polaris:pdbMinAvailableGreaterThanHPAMinReplicas'],
    references: ['https://kubernetes.io/docs/tasks/run-application/configure-pdb/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/pdb.yaml',
          code: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 2\n  selector:\n    matchLabels: {app: web}\n',
          files: {
            'k8s/web.yaml':
              'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: web:1.0\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {kind: Deployment, name: web}\n  minReplicas: 2\n  maxReplicas: 10\n',
          },
          errors: [{ line: 6, column: 17, endLine: 6, endColumn: 18 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/pdb.yaml',
          code: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: web}\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (!isPdb(object)) return;
    const min = intOrPercent(object.get(['spec', 'minAvailable']));
    if (min?.count === undefined) return;
    const graph = k8sGraph(ctx.project, object);
    const selected = new Set(
      graph.podsSelectedBy(object.namespace, object.get(['spec', 'selector']) ?? {}).map((p) => p.object),
    );
    for (const workload of selected) {
      if (!REPLICATED.has(workload.kind) || podSpecsOf(workload).length === 0) continue;
      for (const hpa of hpasFor(graph, workload)) {
        const minReplicas = Number(hpa.get(['spec', 'minReplicas']) ?? 1);
        if (min.count < minReplicas) continue;
        report(
          ctx,
          object,
          object.at(['spec', 'minAvailable'])!,
          `PodDisruptionBudget \`${object.name}\` keeps ${min.count} pods available, but HorizontalPodAutoscaler \`${hpa.name}\` may scale ${workload.kind} \`${workload.name}\` down to ${minReplicas}.`,
          `${workload.kind}/${workload.name}`,
        );
        return;
      }
    }
  },
});
