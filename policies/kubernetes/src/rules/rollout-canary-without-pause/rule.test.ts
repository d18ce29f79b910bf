import { tester } from '../../test-kit.js';
import rule from './rule.js';

const rollout = (steps: string) => `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec:\n  strategy:\n    canary:\n      steps:\n${steps}`;

tester.run(rule, {
  valid: [
    { name: "the guide's canary", code: rollout('      - setWeight: 10\n      - pause: { duration: 5m }\n      - setWeight: 30\n      - pause: { duration: 10m }\n      - setWeight: 60\n      - pause: { duration: 10m }\n      - setWeight: 100\n') },
    { name: 'analysis gates', code: rollout('      - setWeight: 20\n      - analysis: {templates: [{templateName: success-rate}]}\n      - setWeight: 80\n') },
  ],
  invalid: [
    {
      name: 'setCanaryScale does not gate',
      code: rollout('      - setWeight: 20\n      - setCanaryScale: {replicas: 2}\n      - setWeight: 40\n      - setWeight: 60\n'),
      errors: [
        { line: 10, column: 9, endLine: 10, endColumn: 22, message: 'weight 40' },
        { line: 11, column: 9, endLine: 11, endColumn: 22, message: 'weight 60' },
      ],
    },
  ],
});
