import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { isHpa } from '../../graph-helpers.js';
import { report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/hpa-min-replicas',
  domain: k8sDomain,
  meta: {
    title: 'HorizontalPodAutoscaler may scale down to one pod',
    description: 'An HPA sets `minReplicas` below 2 (or leaves it unset, which means 1).',
    rationale:
      'Low: at quiet times the workload shrinks to a single pod, and the next node drain, crash or slow start is an outage — just when traffic starts rising again.',
    remediation: 'Set `minReplicas: 2` or more (3 to survive a zone outage).',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    aliases: ['polaris:hpaMinAvailability', 'kube-linter:hpa-minimum-three-replicas'],
    references: ['https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/hpa.yaml',
          code: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 1\n  maxReplicas: 10\n',
          errors: [{ line: 7, column: 16, endLine: 7, endColumn: 17 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/hpa.yaml',
          code: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 3\n  maxReplicas: 10\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (!isHpa(object) || object.partial) return;
    const value = object.get(['spec', 'minReplicas']);
    if (value === undefined || value === null) {
      report(ctx, object, object.keyAt(['spec']) ?? object.head, `HorizontalPodAutoscaler \`${object.name}\` sets no minReplicas (defaults to 1).`, 'minReplicas');
    } else if (Number(value) < 2) {
      report(ctx, object, object.at(['spec', 'minReplicas'])!, `HorizontalPodAutoscaler \`${object.name}\` may scale down to ${Number(value)} pod.`, 'minReplicas');
    }
  },
});
