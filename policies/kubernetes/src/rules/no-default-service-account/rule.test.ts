import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    {
      name: 'Argo workflow-level account',
      filename: 'argo/wf.yaml',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: w}\nspec:\n  serviceAccountName: runner\n  templates:\n    - name: a\n      container: {image: "a:1"}\n',
    },
  ],
  invalid: [
    { name: 'unset', code: pod(), errors: [{ line: 5, column: 1, endLine: 5, endColumn: 5 }] },
    {
      name: 'Job template',
      code: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: "a:1"}]\n',
      errors: [{ line: 6, column: 5, endLine: 6, endColumn: 9, message: 'Job `j`' }],
    },
  ],
});
