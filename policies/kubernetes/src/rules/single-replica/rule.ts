import { defineRule } from '@plumbline/core';
import { type K8sObject, k8sGraph } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { hpasFor, REPLICATED } from '../../graph-helpers.js';
import { explicitReplicas, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/single-replica',
  domain: k8sDomain,
  meta: {
    title: 'Workload runs a single replica',
    description:
      'A Deployment, StatefulSet, ReplicaSet or Rollout sets `replicas: 1` and no HorizontalPodAutoscaler scales it. (An unset `replicas` is not reported: it is usually set by an HPA, Kustomize or Helm elsewhere; `0` means deliberately scaled down.)',
    rationale:
      'Low: one pod means downtime on every node drain, upgrade, eviction or crash. Many workloads (singletons, dev environments) accept that, so it is a prompt to decide, not an outage in itself.',
    remediation:
      'Run at least 2 replicas (3 across zones for production), with a PodDisruptionBudget and topology spread; or scale with an HPA whose `minReplicas` is 2 or more.',
    category: 'reliability',
    severity: 'low',
    confidence: 'medium',
    aliases: [
      'polaris:deploymentMissingReplicas',
      'kube-linter:minimum-three-replicas',
      'kube-score:deployment-replicas',
    ],
    references: ['https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#replicas'],
    examples: {
      invalid: [
        {
          filename: 'k8s/web.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
          errors: [{ line: 6, column: 13, endLine: 6, endColumn: 14 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/web.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (!REPLICATED.has(object.kind) || object.partial) return;
    if (explicitReplicas(object) !== 1) return;
    if (hpasFor(k8sGraph(ctx.project, object), object).length > 0) return;
    report(
      ctx,
      object,
      object.at(['spec', 'replicas'])!,
      `${object.kind} \`${object.name}\` runs a single replica.`,
      'replicas',
    );
  },
});
