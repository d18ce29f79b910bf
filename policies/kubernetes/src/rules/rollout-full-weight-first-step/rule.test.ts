import { tester } from '../../test-kit.js';
import rule from './rule.js';

const rollout = (steps: string) => `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: r}\nspec:\n  strategy:\n    canary:\n      steps:\n${steps}`;

tester.run(rule, {
  valid: [rollout('      - analysis: {templates: [{templateName: smoke}]}\n      - setWeight: 100\n')],
  invalid: [{ name: 'after a setCanaryScale', code: rollout('      - setCanaryScale: {weight: 10}\n      - setWeight: 100\n'), errors: [{ line: 9, column: 20, endLine: 9, endColumn: 23 }] }],
});
