import { defineRule } from '@plumbline/core';
import { type K8sObject, k8sGraph } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { hpasFor, REPLICATED } from '../../graph-helpers.js';
import { report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/hpa-managed-replicas',
  domain: k8sDomain,
  meta: {
    title: 'Workload scaled by an HPA also fixes replicas',
    description: 'A workload that a HorizontalPodAutoscaler scales also sets `spec.replicas`.',
    rationale:
      'Info: every `kubectl apply` or GitOps sync resets the replica count to the manifest value, undoing the autoscaler for a moment — a sudden scale-down under load if the fixed value is low.',
    remediation:
      'Remove `spec.replicas` from the manifest and let the HPA own it (with Argo CD, or ignore the field in the diff).',
    category: 'reliability',
    severity: 'info',
    confidence: 'high',
    aliases: [],
    references: [
      'https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#migrating-deployments-and-statefulsets-to-horizontal-autoscaling',
    ],
    examples: {
      invalid: [
        {
          filename: 'k8s/web.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:1.0\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {kind: Deployment, name: web}\n  minReplicas: 3\n  maxReplicas: 10\n',
          errors: [{ line: 6, column: 3, endLine: 6, endColumn: 11 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/web.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:1.0\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {kind: Deployment, name: web}\n  minReplicas: 3\n  maxReplicas: 10\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (!REPLICATED.has(object.kind) || object.get(['spec', 'replicas']) === undefined) return;
    const hpa = hpasFor(k8sGraph(ctx.project, object), object)[0];
    if (!hpa) return;
    report(
      ctx,
      object,
      object.keyAt(['spec', 'replicas'])!,
      `${object.kind} \`${object.name}\` sets replicas although HorizontalPodAutoscaler \`${hpa.name}\` scales it.`,
      'replicas',
    );
  },
});
