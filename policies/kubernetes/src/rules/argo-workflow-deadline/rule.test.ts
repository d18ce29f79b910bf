import { tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: ['apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: w-}\nspec:\n  workflowTemplateRef: {name: pipeline}\n'],
  invalid: [{ name: 'CronWorkflow', code: 'apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nmetadata: {name: c}\nspec:\n  schedule: "0 * * * *"\n  workflowSpec:\n    templates: []\n', errors: [{ line: 6, column: 3, endLine: 6, endColumn: 15 }] }],
});
