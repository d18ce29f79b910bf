import { tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    {
      name: 'WorkflowTemplate: a library, reported only with templates: true',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata: {name: w}\nspec:\n  templates: []\n',
    },
    'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: w}\nspec:\n  podGC: {strategy: OnWorkflowSuccess}\n',
  ],
  invalid: [
    {
      name: 'WorkflowTemplate with templates: true',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata: {name: w}\nspec:\n  templates: []\n',
      options: { templates: true },
      errors: [{ line: 4, column: 1, endLine: 4, endColumn: 5 }],
    },
  ],
});
