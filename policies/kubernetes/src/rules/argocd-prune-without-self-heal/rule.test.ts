import { tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: ['apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: a}\nspec:\n  syncPolicy: {automated: {}}\n'],
  invalid: [{ name: 'selfHeal false', code: 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: a}\nspec:\n  syncPolicy: {automated: {prune: true, selfHeal: false}}\n', errors: [{ line: 5, column: 35, endLine: 5, endColumn: 39 }] }],
});
