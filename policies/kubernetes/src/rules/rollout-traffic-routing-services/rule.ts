import { defineRule } from '@plumbline/core';
import { asObj, type K8sObject } from '@plumbline/lang-yaml';
import { isRollout } from '../../argo.js';
import { k8sDomain } from '../../domain.js';
import { list, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/rollout-traffic-routing-services',
  domain: k8sDomain,
  meta: {
    title: 'Canary traffic routing without canary and stable Services',
    description: 'An Argo Rollouts canary configures `trafficRouting` (Istio, NGINX, ALB, SMI...) but lacks `canaryService` or `stableService`, which the traffic router needs to split requests.',
    rationale:
      'High: the Rollout is rejected as invalid or the router cannot tell the versions apart, so either the deploy stalls or the weights in the steps have no effect on real traffic.',
    remediation: 'Create two Services selecting the Rollout\'s pods and name them in `canaryService` and `stableService`.',
    category: 'reliability',
    severity: 'high',
    confidence: 'high',
    aliases: [],
    references: ['https://argoproj.github.io/argo-rollouts/features/traffic-management/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/rollout.yaml',
          code: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: my-app\nspec:\n  strategy:\n    canary:\n      stableService: my-app-stable\n      trafficRouting:\n        nginx:\n          stableIngress: my-app\n',
          errors: [{ line: 9, column: 7, endLine: 9, endColumn: 21 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/rollout.yaml',
          code: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: my-app\nspec:\n  strategy:\n    canary:\n      canaryService: my-app-canary\n      stableService: my-app-stable\n      trafficRouting:\n        nginx:\n          stableIngress: my-app\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (!isRollout(object)) return;
    const canary = asObj(object.get(['spec', 'strategy', 'canary']));
    if (!canary.trafficRouting) return;
    const missing = ['canaryService', 'stableService'].filter((k) => !canary[k]);
    if (missing.length === 0) return;
    report(ctx, object, object.keyAt(['spec', 'strategy', 'canary', 'trafficRouting'])!, `Rollout \`${object.name}\` routes traffic but sets no ${list(missing.map((m) => `\`${m}\``), 'or')}.`, missing.join(','));
  },
});
