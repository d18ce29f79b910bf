import { tester } from '../../test-kit.js';
import rule from './rule.js';

const rollout = (bg: string) => `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec:\n  strategy:\n    blueGreen:\n      activeService: a\n${bg}`;

tester.run(rule, {
  valid: [rollout('      previewService: p\n      prePromotionAnalysis: {templates: [{templateName: smoke}]}\n')],
  invalid: [
    {
      name: 'no preview, explicit auto-promotion',
      code: rollout('      autoPromotionEnabled: true\n'),
      errors: [
        { line: 6, column: 5, endLine: 6, endColumn: 14, message: 'no previewService' },
        { line: 8, column: 29, endLine: 8, endColumn: 33, message: 'promotes automatically' },
      ],
    },
  ],
});
