import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { canarySteps, isGate, isRollout } from '../../argo.js';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/rollout-canary-without-pause',
  domain: k8sDomain,
  meta: {
    title: 'Canary raises traffic without a pause or analysis in between',
    description:
      'In an Argo Rollouts canary, a `setWeight` step follows the previous one with no `pause`, `analysis` or `experiment` step between them, so traffic jumps to the higher weight before anyone (or anything) judged the lower one.',
    rationale:
      'Medium: the canary exists to expose a bad version to a small share of users for long enough to notice; without a gate the steps collapse into one fast ramp and a broken release reaches the larger share anyway.',
    remediation: 'Put a `pause: {duration: 5m}` (or an `analysis` step with success criteria) after each `setWeight`.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: ['https://argoproj.github.io/argo-rollouts/features/canary/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/rollout.yaml',
          code: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: my-app\nspec:\n  strategy:\n    canary:\n      steps:\n        - setWeight: 10\n        - setWeight: 50\n        - pause: {duration: 10m}\n',
          errors: [{ line: 10, column: 11, endLine: 10, endColumn: 24 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/rollout.yaml',
          code: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: my-app\nspec:\n  strategy:\n    canary:\n      steps:\n        - setWeight: 10\n        - pause: {duration: 5m}\n        - setWeight: 50\n        - pause: {duration: 10m}\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (!isRollout(object)) return;
    let previousWeight = false;
    for (const { step, route } of canarySteps(object)) {
      if (isGate(step)) {
        previousWeight = false;
        continue;
      }
      if (!('setWeight' in step)) continue;
      if (previousWeight) {
        report(ctx, object, object.keyAt(route)!, `Rollout \`${object.name}\` moves to weight ${String(step.setWeight)} with no pause or analysis after the previous weight.`, `${route.join('.')}`);
      }
      previousWeight = true;
    }
  },
});
