import { tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: ['apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: w}\nspec:\n  podGC: {strategy: OnWorkflowSuccess}\n'],
  invalid: [{ name: 'WorkflowTemplate', code: 'apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata: {name: w}\nspec:\n  templates: []\n', errors: [{ line: 4, column: 1, endLine: 4, endColumn: 5 }] }],
});
