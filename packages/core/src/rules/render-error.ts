import { defineRule } from '../model/rule.js';
import { coreDomain } from './core-domain.js';

export const renderErrorRule = defineRule({
  id: 'core/render-error',
  domain: coreDomain,
  meta: {
    title: 'Chart or kustomization could not be rendered',
    description:
      '`helm template` or `kustomize build` failed for a deployment unit, so the objects it deploys were not checked.',
    rationale:
      'Medium: what cannot be rendered here is not checked, and usually fails to deploy as well (a template error, a missing value, a broken patch).',
    remediation:
      'Run `helm template` (or `kubectl kustomize`) on the unit, fix the error it reports, or exclude the unit with `ignore`.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    examples: {
      invalid: [
        {
          // Reported on the first line of Chart.yaml (or kustomization.yaml) with the tool's message.
          filename: 'charts/shop/Chart.yaml',
          code: 'apiVersion: v2\nname: shop\nversion: 0.3.1\n',
          errors: [],
        },
      ],
      valid: [
        {
          filename: 'kustomize/overlays/prod/kustomization.yaml',
          code: 'resources:\n  - ../../base\n',
        },
      ],
    },
  },
  check() {},
});
