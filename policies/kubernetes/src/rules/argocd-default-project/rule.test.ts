import { tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: ['apiVersion: argoproj.io/v1alpha1\nkind: AppProject\nmetadata: {name: default}\nspec: {project: default}\n'],
  invalid: [{ name: 'in a List', code: 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: argoproj.io/v1alpha1\n    kind: Application\n    metadata: {name: a}\n    spec: {project: default}\n', errors: [{ line: 7, column: 21, endLine: 7, endColumn: 28 }] }],
});
