import { defineRule } from '@plumbline/core';
import { type K8sObject, k8sGraph } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report, servingPods } from '../../lib.js';
import { isDefaultDenyIngress, networkPolicies } from '../../netpol.js';

export default defineRule<K8sObject>({
  id: 'k8s/network-policy-default-deny',
  domain: k8sDomain,
  meta: {
    title: 'Namespace without a default-deny NetworkPolicy',
    description:
      'A namespace runs workloads but no NetworkPolicy of the repository selects all of its pods (`podSelector: {}`) and denies ingress by default. Reported once per namespace, on its first workload.',
    rationale:
      'Low: per-workload policies may already cover today\'s pods, but any pod added later without its own policy is open to the whole cluster. A default deny makes "closed" the default. Low, because the per-workload rule reports the actual exposure.',
    remediation:
      'Add `kind: NetworkPolicy` with `podSelector: {}` and `policyTypes: [Ingress, Egress]` and no rules to each namespace, then allow traffic explicitly.',
    category: 'security',
    severity: 'low',
    confidence: 'medium',
    aliases: [],
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-deny-all-ingress-traffic',
    ],
    examples: {
      invalid: [
        {
          filename: 'k8s/web.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
          errors: [{ line: 5, column: 14, endLine: 5, endColumn: 18 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/web.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
          files: {
            'k8s/netpol.yaml':
              'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n',
          },
        },
      ],
    },
  },
  check(object, ctx) {
    if (servingPods(object).length === 0) return;
    const graph = k8sGraph(ctx.project, object);
    const first = graph.inNamespace(object.namespace).find((o) => servingPods(o).length > 0);
    if (first !== object) return;
    if (networkPolicies(graph, object.namespace).some(isDefaultDenyIngress)) return;
    const at = object.at(['metadata', 'namespace']) ?? object.nameLoc;
    report(
      ctx,
      object,
      at,
      `Namespace \`${object.namespace}\` has no default-deny NetworkPolicy.`,
      object.namespace,
    );
  },
});
