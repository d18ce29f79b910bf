import { defineRule } from '@plumbline/core';
import { isEmptySelector, type K8sObject, k8sGraph, selectorMatches } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { danglingDecidable } from '../../graph-helpers.js';
import { report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/network-policy-selects-nothing',
  domain: k8sDomain,
  meta: {
    title: 'NetworkPolicy selects no pod',
    description:
      'The `podSelector` of a NetworkPolicy matches none of the pods defined in its namespace (judged only when a workload of the same namespace and folder is itself selected by no specific policy, and no operator-managed custom resource may run pods the manifests do not show).',
    rationale:
      'Low: the policy protects nothing, usually because of a typo or a renamed label, while its author believes the workload is isolated. The workload itself is reported by `k8s/network-policy-missing` if nothing else covers it.',
    remediation:
      'Fix the selector to match the pod template labels of the workload it is meant for, or delete the policy.',
    category: 'security',
    severity: 'low',
    confidence: 'medium',
    aliases: ['kube-linter:dangling-networkpolicy', 'kube-score:networkpolicy-targets-pod'],
    references: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api\nspec:\n  podSelector:\n    matchLabels: {app: apii}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: api\n  labels: {app: api}\nspec:\n  containers:\n    - name: api\n      image: api:1.0\n',
          errors: [{ line: 6, column: 3, endLine: 6, endColumn: 14 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api\nspec:\n  podSelector:\n    matchLabels: {app: api}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: api\n  labels: {app: api}\nspec:\n  containers:\n    - name: api\n      image: api:1.0\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (object.kind !== 'NetworkPolicy') return;
    const selector = object.get(['spec', 'podSelector']);
    if (selector === undefined || isEmptySelector(selector)) return;
    const graph = k8sGraph(ctx.project, object);
    if (graph.selectsAnyPod(object.namespace, selector)) return;
    const policies = graph
      .ofKind('NetworkPolicy', object.namespace)
      .filter((p) => !isEmptySelector(p.get(['spec', 'podSelector'])));
    if (
      !danglingDecidable(graph, object, (pod) =>
        policies.some((p) => selectorMatches(p.get(['spec', 'podSelector']), pod.labels)),
      )
    )
      return;
    report(
      ctx,
      object,
      object.keyAt(['spec', 'podSelector'])!,
      `NetworkPolicy \`${object.name}\` selects no pod of namespace \`${object.namespace}\`.`,
      'selector',
    );
  },
});
