import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { canarySteps, isGate, isRollout } from '../../argo.js';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/rollout-full-weight-first-step',
  domain: k8sDomain,
  meta: {
    title: 'Canary sends all traffic to the new version at once',
    description: 'The first traffic step of an Argo Rollouts canary is `setWeight: 100` (no smaller weight and no pause or analysis before it).',
    rationale:
      'High: the rollout looks like a canary in review but behaves like a big-bang deploy — every user gets the new version immediately, with none of the protection the canary strategy was chosen for.',
    remediation: 'Start with a small weight (5–10), then pause or analyse, then increase.',
    category: 'reliability',
    severity: 'high',
    confidence: 'high',
    aliases: [],
    references: ['https://argoproj.github.io/argo-rollouts/features/canary/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/rollout.yaml',
          code: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: my-app\nspec:\n  strategy:\n    canary:\n      steps:\n        - setWeight: 100\n        - pause: {}\n',
          errors: [{ line: 9, column: 22, endLine: 9, endColumn: 25 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/rollout.yaml',
          code: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: my-app\nspec:\n  strategy:\n    canary:\n      steps:\n        - setWeight: 10\n        - pause: {}\n        - setWeight: 100\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (!isRollout(object)) return;
    for (const { step, route } of canarySteps(object)) {
      if (isGate(step)) return;
      if (!('setWeight' in step)) continue;
      if (Number(step.setWeight) >= 100) {
        report(ctx, object, object.at([...route, 'setWeight'])!, `Rollout \`${object.name}\` sends 100% of traffic to the new version in its first step.`, 'setWeight');
      }
      return;
    }
  },
});
