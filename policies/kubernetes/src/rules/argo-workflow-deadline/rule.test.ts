import { tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: w-}\nspec:\n  workflowTemplateRef: {name: pipeline}\n',
    {
      name: 'ClusterWorkflowTemplate: a library, reported only with templates: true',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: ClusterWorkflowTemplate\nmetadata: {name: build}\nspec:\n  templates: []\n',
    },
  ],
  invalid: [
    {
      name: 'CronWorkflow',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nmetadata: {name: c}\nspec:\n  schedule: "0 * * * *"\n  workflowSpec:\n    templates: []\n',
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 15 }],
    },
    {
      name: 'ClusterWorkflowTemplate with templates: true',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: ClusterWorkflowTemplate\nmetadata: {name: build}\nspec:\n  templates: []\n',
      options: { templates: true },
      errors: [{ line: 4, column: 1, endLine: 4, endColumn: 5 }],
    },
  ],
});
