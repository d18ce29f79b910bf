import { defineRule } from '@plumbline/core';
import { type K8sObject, k8sGraph } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report, servingPods } from '../../lib.js';
import { networkPolicies, policySelects } from '../../netpol.js';

export default defineRule<K8sObject>({
  id: 'k8s/network-policy-missing',
  domain: k8sDomain,
  meta: {
    title: 'Workload not covered by any NetworkPolicy',
    description:
      'No NetworkPolicy in the repository selects the pods of this workload in its namespace, so every pod of the cluster can reach it and it can reach everything (Jobs and workflows are not checked).',
    rationale:
      'Medium: without a policy the pod network is flat — one compromised pod anywhere can scan and attack this workload directly. Confidence is medium: policies may be managed in another repository.',
    remediation:
      'Add a default-deny NetworkPolicy to the namespace and a policy that allows only the traffic this workload needs (from the ingress controller, to its database...).',
    category: 'security',
    severity: 'medium',
    confidence: 'medium',
    aliases: ['kube-linter:non-isolated-pod', 'polaris:missingNetworkPolicy', 'kube-score:pod-networkpolicy'],
    references: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/web.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
          errors: [{ line: 4, column: 9, endLine: 4, endColumn: 12 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/web.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
          files: {
            'k8s/netpol.yaml':
              'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n',
          },
        },
      ],
    },
  },
  check(object, ctx) {
    const pods = servingPods(object);
    if (pods.length === 0) return;
    const policies = networkPolicies(k8sGraph(ctx.project, object), object.namespace);
    if (pods.every((pod) => policies.some((p) => policySelects(p, pod)))) return;
    report(
      ctx,
      object,
      object.nameLoc,
      `No NetworkPolicy in namespace \`${object.namespace}\` selects the pods of ${object.kind} \`${object.name}\`.`,
      'netpol',
    );
  },
});
