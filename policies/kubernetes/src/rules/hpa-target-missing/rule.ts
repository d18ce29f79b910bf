import { defineRule } from '@plumbline/core';
import { asObj, asString, type K8sObject, k8sGraph } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { isHpa } from '../../graph-helpers.js';
import { report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/hpa-target-missing',
  domain: k8sDomain,
  meta: {
    title: 'HorizontalPodAutoscaler targets an object that does not exist',
    description:
      'The `scaleTargetRef` of an HPA names a Deployment, StatefulSet or Rollout that is not defined in its namespace (checked only when workloads of that namespace sit in the same folder).',
    rationale:
      'Medium: the autoscaler does nothing — the workload stays at its fixed replica count under load — and nobody notices until the traffic peak. Usually a rename that missed the HPA.',
    remediation: 'Point `scaleTargetRef` (kind and name) at the workload, in the same namespace.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'medium',
    aliases: [
      'kube-linter:dangling-horizontalpodautoscaler',
      'kube-score:horizontalpodautoscaler-has-target',
    ],
    references: ['https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: webb}\n  minReplicas: 2\n  maxReplicas: 5\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:1.0\n',
          errors: [{ line: 6, column: 65, endLine: 6, endColumn: 69 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 2\n  maxReplicas: 5\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:1.0\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (!isHpa(object)) return;
    const ref = asObj(object.get(['spec', 'scaleTargetRef']));
    const kind = asString(ref.kind);
    const name = asString(ref.name);
    if (!kind || !name || name.includes('{{')) return;
    const graph = k8sGraph(ctx.project, object);
    if (!graph.hasWorkloadsBeside(object)) return;
    if (graph.find(kind, object.namespace, name).length > 0) return;
    report(
      ctx,
      object,
      object.at(['spec', 'scaleTargetRef', 'name'])!,
      `HorizontalPodAutoscaler \`${object.name}\` targets ${kind} \`${name}\`, which is not defined in namespace \`${object.namespace}\`.`,
      `${kind}/${name}`,
    );
  },
});
