import { tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    {
      name: 'template-level toleration',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata: {name: w}\nspec:\n  templates:\n    - name: t\n      tolerations: [{key: gpu, operator: Exists}]\n      container: {image: "a:1", resources: {limits: {nvidia.com/gpu: 1}}}\n',
    },
  ],
  invalid: [
    {
      name: 'requests and limits: one finding',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata: {name: w}\nspec:\n  templates:\n    - name: t\n      container:\n        image: a:1\n        resources:\n          requests: {amd.com/gpu: 1}\n          limits: {amd.com/gpu: 1}\n',
      errors: [{ line: 11, column: 20, endLine: 11, endColumn: 31 }],
    },
  ],
});
