import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { reportNamespaceWithout } from '../../namespace-guardrails.js';

export default defineRule<K8sObject>({
  id: 'k8s/namespace-limit-range',
  domain: k8sDomain,
  meta: {
    title: 'Namespace without a LimitRange',
    description:
      'A Namespace declared in the manifests has no LimitRange beside it (same Helm release, kustomize build or folder tree). Namespaces only referenced, created by another repository, are not judged. Opt-in (the strict preset turns it on).',
    rationale:
      'Low: a LimitRange gives containers that forget `resources` a default request and limit and caps what one container may ask for; without it such pods run BestEffort and unbounded. `k8s/require-resources` already reports the containers themselves, hence low and opt-in.',
    remediation:
      'Ship a LimitRange with the Namespace, with `default`, `defaultRequest`, `min` and `max` for `type: Container`.',
    category: 'reliability',
    severity: 'low',
    confidence: 'medium',
    optIn: true,
    aliases: ['KSV-0039'],
    references: ['https://kubernetes.io/docs/concepts/policy/limit-range/'],
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
          code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: payments\n---\napiVersion: v1\nkind: LimitRange\nmetadata:\n  name: container-defaults\n  namespace: payments\nspec:\n  limits:\n    - type: Container\n      default: {cpu: 500m, memory: 512Mi}\n      defaultRequest: {cpu: 100m, memory: 128Mi}\n',
        },
      ],
    },
  },
  check(object, ctx) {
    reportNamespaceWithout(ctx, object, 'LimitRange');
  },
});
