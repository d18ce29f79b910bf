import { defineRule } from '@plumbline/core';
import { type K8sObject, k8sGraph } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { hpasFor, intOrPercent, isPdb, REPLICATED } from '../../graph-helpers.js';
import { explicitReplicas, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/pdb-blocks-eviction',
  domain: k8sDomain,
  meta: {
    title: 'PodDisruptionBudget allows no disruption',
    description:
      'A PodDisruptionBudget sets `maxUnavailable: 0` (or 0%), `minAvailable: 100%`, or a `minAvailable` at least as large as the replicas of every workload it selects, so no pod can ever be evicted voluntarily. Workloads that an HorizontalPodAutoscaler scales are left to `k8s/pdb-min-available-vs-hpa` (their `replicas` is not what runs).',
    rationale:
      'Medium: node drains hang until someone deletes the PDB by hand, which blocks cluster upgrades and autoscaler scale-down, and teaches operators to bypass PDBs altogether.',
    remediation:
      'Allow at least one disruption: `maxUnavailable: 1`, or `minAvailable` strictly below the replica count.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: [
      'kube-linter:pdb-max-unavailable',
      'kube-linter:pdb-min-available',
      'polaris:pdbDisruptionsIsZero',
    ],
    references: ['https://kubernetes.io/docs/tasks/run-application/configure-pdb/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/pdb.yaml',
          code: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 0\n  selector:\n    matchLabels: {app: web}\n',
          errors: [{ line: 6, column: 19, endLine: 6, endColumn: 20 }],
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
    const max = intOrPercent(object.get(['spec', 'maxUnavailable']));
    if (max && (max.count === 0 || max.percent === 0)) {
      report(
        ctx,
        object,
        object.at(['spec', 'maxUnavailable'])!,
        `PodDisruptionBudget \`${object.name}\` allows no pod to be evicted.`,
        'maxUnavailable',
      );
      return;
    }
    const min = intOrPercent(object.get(['spec', 'minAvailable']));
    if (!min) return;
    if (min.percent !== undefined) {
      if (min.percent >= 100)
        report(
          ctx,
          object,
          object.at(['spec', 'minAvailable'])!,
          `PodDisruptionBudget \`${object.name}\` requires 100% of its pods available.`,
          'minAvailable',
        );
      return;
    }
    const graph = k8sGraph(ctx.project, object);
    const selector = object.get(['spec', 'selector']) ?? {};
    const workloads = graph
      .podsSelectedBy(object.namespace, selector)
      .map((p) => p.object)
      .filter((o) => REPLICATED.has(o.kind) && !o.partial);
    if (workloads.length === 0) return;
    // An HPA owns the replica count: k8s/pdb-min-available-vs-hpa compares with its minReplicas.
    if (workloads.some((o) => hpasFor(graph, o).length > 0)) return;
    const replicas = workloads.map((o) => explicitReplicas(o));
    if (replicas.some((r) => r === undefined)) return;
    const total = (replicas as number[]).reduce((a, b) => a + b, 0);
    if (min.count! < total) return;
    report(
      ctx,
      object,
      object.at(['spec', 'minAvailable'])!,
      `PodDisruptionBudget \`${object.name}\` requires ${min.count} pods available but the workloads it selects run ${total}.`,
      'minAvailable',
    );
  },
});
