import { defineRule } from '@plumbline/core';
import { asString, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { isPdb } from '../../graph-helpers.js';
import { report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/pdb-unhealthy-pod-eviction-policy',
  domain: k8sDomain,
  meta: {
    title: 'PodDisruptionBudget leaves the unhealthy-pod eviction policy unset',
    description:
      'A PodDisruptionBudget does not set `spec.unhealthyPodEvictionPolicy`, so the default `IfHealthyBudget` applies: a pod that is running but not ready may only be evicted while the budget is met.',
    rationale:
      'Low: with the default, a workload whose pods are stuck unready (a crash loop, a bad rollout) blocks node drains — exactly when the budget cannot be met — and cluster upgrades hang on it. `AlwaysAllow` lets a drain evict pods that serve nothing anyway; stating either value records the decision. Opt-in (strict preset): the default is a sane choice for most budgets, and kube-linter reports every budget that leaves it unset.',
    remediation:
      'Set `unhealthyPodEvictionPolicy: AlwaysAllow` (or `IfHealthyBudget` where an unready pod must still be protected, such as a quorum member catching up).',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    optIn: true,
    aliases: ['kube-linter:pdb-unhealthy-pod-eviction-policy'],
    references: [
      'https://kubernetes.io/docs/tasks/run-application/configure-pdb/#unhealthy-pod-eviction-policy',
    ],
    examples: {
      invalid: [
        {
          filename: 'k8s/pdb.yaml',
          code: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: web}\n',
          errors: [{ line: 5, column: 1, endLine: 5, endColumn: 5 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/pdb.yaml',
          code: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 1\n  unhealthyPodEvictionPolicy: AlwaysAllow\n  selector:\n    matchLabels: {app: web}\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (!isPdb(object) || object.partial) return;
    if (asString(object.get(['spec', 'unhealthyPodEvictionPolicy']))) return;
    report(
      ctx,
      object,
      object.keyAt(['spec']) ?? object.head,
      `PodDisruptionBudget \`${object.name}\` does not set \`unhealthyPodEvictionPolicy\` (default \`IfHealthyBudget\`: unready pods block drains).`,
      'unhealthyPodEvictionPolicy',
    );
  },
});
