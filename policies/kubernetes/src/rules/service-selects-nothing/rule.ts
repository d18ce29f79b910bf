import { defineRule } from '@plumbline/core';
import { asObj, asString, type K8sObject, k8sGraph, selectorMatches } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { danglingDecidable } from '../../graph-helpers.js';
import { report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/service-selects-nothing',
  domain: k8sDomain,
  meta: {
    title: 'Service selects no pod',
    description:
      'The `selector` of a Service matches none of the pods defined in its namespace (judged only when a workload of the same namespace and folder is itself selected by no Service, and no operator-managed custom resource may run pods the manifests do not show).',
    rationale:
      'Medium: the Service has no endpoints — every request to it fails — usually because a label was renamed on one side only. It is caught at deploy time only by watching traffic.',
    remediation: 'Make the Service `selector` a subset of the pod template labels of the workload behind it.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'medium',
    aliases: ['kube-linter:dangling-service', 'kube-score:service-targets-pod'],
    references: ['https://kubernetes.io/docs/concepts/services-networking/service/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web-frontend\n  ports:\n    - port: 80\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: web:1.0\n',
          errors: [{ line: 6, column: 3, endLine: 6, endColumn: 11 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: web:1.0\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (object.kind !== 'Service' || object.group !== '' || object.partial) return;
    const selector = asObj(object.get(['spec', 'selector']));
    if (Object.keys(selector).length === 0 || asString(object.get(['spec', 'type'])) === 'ExternalName')
      return;
    const graph = k8sGraph(ctx.project, object);
    if (graph.selectsAnyPod(object.namespace, selector)) return;
    const services = graph
      .ofKind('Service', object.namespace)
      .filter((s) => Object.keys(asObj(s.get(['spec', 'selector']))).length > 0);
    if (
      !danglingDecidable(graph, object, (pod) =>
        services.some((s) => selectorMatches(s.get(['spec', 'selector']), pod.labels)),
      )
    )
      return;
    report(
      ctx,
      object,
      object.keyAt(['spec', 'selector'])!,
      `Service \`${object.name}\` selects no pod of namespace \`${object.namespace}\`.`,
      'selector',
    );
  },
});
