import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { reportNamespaceWithout } from '../../namespace-guardrails.js';

export default defineRule<K8sObject>({
  id: 'k8s/namespace-resource-quota',
  domain: k8sDomain,
  meta: {
    title: 'Namespace without a ResourceQuota',
    description:
      'A Namespace declared in the manifests has no ResourceQuota beside it (same Helm release, kustomize build or folder tree). Namespaces only referenced, created by another repository, are not judged. Opt-in (the strict preset turns it on).',
    rationale:
      'Low: a ResourceQuota caps what the namespace as a whole may request, so one team, a runaway autoscaler or a compromised deployer cannot take the whole cluster’s capacity (or create thousands of objects). Many clusters set quotas centrally, hence low and opt-in.',
    remediation:
      'Ship a ResourceQuota with the Namespace (`requests.cpu`, `requests.memory`, `limits.memory`, and object counts such as `pods`).',
    category: 'reliability',
    severity: 'low',
    confidence: 'medium',
    optIn: true,
    aliases: ['KSV-0040'],
    references: ['https://kubernetes.io/docs/concepts/policy/resource-quotas/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/namespace.yaml',
          code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: payments\n',
          errors: [{ line: 4, column: 9, endLine: 4, endColumn: 17 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/namespace.yaml',
          code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: payments\n---\napiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: compute\n  namespace: payments\nspec:\n  hard:\n    requests.cpu: "20"\n    requests.memory: 64Gi\n    limits.memory: 96Gi\n',
        },
      ],
    },
  },
  check(object, ctx) {
    reportNamespaceWithout(ctx, object, 'ResourceQuota');
  },
});
