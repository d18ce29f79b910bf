import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'explicitly false', code: pod('', '  hostPID: false\n') },
  ],
  invalid: [
    {
      name: 'Pod',
      code: pod('', '  hostPID: true\n'),
      errors: [{ line: 6, column: 12, endLine: 6, endColumn: 16, message: 'Pod `app` sets `hostPID: true`' }],
    },
    {
      name: 'CronJob pod template',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          hostPID: true\n          containers: [{name: a, image: "a:1"}]\n',
      errors: [{ line: 9, column: 20, endLine: 9, endColumn: 24 }],
    },
    {
      name: 'Argo workflow-level setting applies to each template',
      filename: 'argo/wf.yaml',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: w}\nspec:\n  hostPID: true\n  templates:\n    - name: a\n      container: {image: "a:1"}\n',
      errors: [{ line: 5, column: 12, endLine: 5, endColumn: 16, message: 'Template `a`' }],
    },
  ],
});
