import { defineRule } from '@plumbline/core';
import { asObj, type K8sObject } from '@plumbline/lang-yaml';
import { isRollout } from '../../argo.js';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/rollout-blue-green-promotion',
  domain: k8sDomain,
  meta: {
    title: 'Blue-green rollout promotes without a check',
    description:
      'An Argo Rollouts `blueGreen` strategy leaves `autoPromotionEnabled` on (the default) or has no `previewService`, so the new version becomes active without anyone — or any pre-promotion analysis — looking at it first.',
    rationale:
      'Medium: blue-green is chosen for a look-before-switching step; auto-promotion without a preview service or analysis switches all traffic as soon as the pods are ready, a big-bang deploy with extra cost.',
    remediation: 'Set `previewService`, and either `autoPromotionEnabled: false` (promote by hand) or a `prePromotionAnalysis`.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: ['https://argoproj.github.io/argo-rollouts/features/bluegreen/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/rollout.yaml',
          code: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: my-app\nspec:\n  strategy:\n    blueGreen:\n      activeService: my-app\n      previewService: my-app-preview\n',
          errors: [{ line: 7, column: 5, endLine: 7, endColumn: 14 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/rollout.yaml',
          code: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: my-app\nspec:\n  strategy:\n    blueGreen:\n      activeService: my-app\n      previewService: my-app-preview\n      autoPromotionEnabled: false\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (!isRollout(object)) return;
    const route = ['spec', 'strategy', 'blueGreen'];
    const bg = object.get(route);
    if (bg === undefined) return;
    const data = asObj(bg);
    if (!data.previewService) {
      report(ctx, object, object.keyAt(route)!, `Blue-green Rollout \`${object.name}\` has no previewService to check the new version on.`, 'previewService');
    }
    const gated = data.autoPromotionEnabled === false || 'prePromotionAnalysis' in data;
    if (!gated) {
      const at = object.at([...route, 'autoPromotionEnabled']) ?? object.keyAt(route)!;
      report(ctx, object, at, `Blue-green Rollout \`${object.name}\` promotes automatically without pre-promotion analysis.`, 'autoPromotion');
    }
  },
});
