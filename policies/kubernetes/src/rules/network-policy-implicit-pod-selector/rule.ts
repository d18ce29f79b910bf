import { defineRule } from '@plumbline/core';
import { asObj, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/network-policy-implicit-pod-selector',
  domain: k8sDomain,
  meta: {
    title: 'NetworkPolicy without a podSelector',
    description:
      'A NetworkPolicy leaves `spec.podSelector` out. The API server reads a missing selector as `{}`, so the policy silently applies to every pod of the namespace.',
    rationale:
      'Low: usually a policy meant for one application whose selector was forgotten or mis-indented; it then isolates (and possibly cuts off) every pod of the namespace, or looks like a targeted rule in review while it is namespace-wide.',
    remediation:
      'Write the selector out: `podSelector: {matchLabels: {app: …}}` for one application, or `podSelector: {}` when the policy is meant for the whole namespace (a default deny).',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    aliases: ['KSV-0038'],
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/network-policies/#networkpolicy-resource',
    ],
    examples: {
      invalid: [
        {
          filename: 'k8s/netpol.yaml',
          code: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api-ingress\nspec:\n  policyTypes: [Ingress]\n  ingress:\n    - from:\n        - podSelector: {matchLabels: {app: web}}\n',
          errors: [{ line: 5, column: 1, endLine: 5, endColumn: 5 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/netpol.yaml',
          code: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (object.kind !== 'NetworkPolicy' || object.group !== 'networking.k8s.io' || object.partial) return;
    const spec = object.data.spec;
    if (spec === undefined || 'podSelector' in asObj(spec)) return;
    report(
      ctx,
      object,
      object.keyAt(['spec']) ?? object.nameLoc,
      `NetworkPolicy \`${object.name}\` has no \`podSelector\`: it applies to every pod of namespace \`${object.namespace}\`.`,
      'podSelector',
    );
  },
});
