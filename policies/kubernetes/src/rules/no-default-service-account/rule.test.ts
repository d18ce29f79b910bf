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
    {
      name: 'Argo: every template names its own account',
      filename: 'argo/wf.yaml',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: w}\nspec:\n  templates:\n    - name: a\n      serviceAccountName: a\n      container: {image: "a:1"}\n    - name: b\n      serviceAccountName: b\n      container: {image: "b:1"}\n    - name: steps\n      steps: [[{name: x, template: a}]]\n',
    },
    {
      name: 'Argo: a Workflow that only references a template runs no pod of its own',
      filename: 'argo/wf.yaml',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: w}\nspec:\n  workflowTemplateRef: {name: t}\n',
    },
  ],
  invalid: [
    {
      name: 'default account without a token: still reported (at info)',
      code: pod('', '  automountServiceAccountToken: false\n'),
      errors: [{ line: 5, column: 1, endLine: 5, endColumn: 5, message: '(its token is not mounted)' }],
    },
    {
      name: 'Argo: one finding per workflow, at the spec, not one per template',
      filename: 'argo/wf.yaml',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: w}\nspec:\n  templates:\n    - name: a\n      container: {image: "a:1"}\n    - name: b\n      container: {image: "b:1"}\n    - name: c\n      serviceAccountName: c\n      container: {image: "c:1"}\n',
      errors: [
        {
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 5,
          message: 'Workflow `w` runs its pods as the `default` service account.',
        },
      ],
    },
    {
      name: 'Argo: workflow-level default, stated',
      filename: 'argo/wf.yaml',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata: {name: w}\nspec:\n  serviceAccountName: default\n  templates:\n    - name: a\n      container: {image: "a:1"}\n',
      errors: [{ line: 5, column: 23, endLine: 5, endColumn: 30, message: 'WorkflowTemplate `w`' }],
    },
    {
      name: 'Argo: a template that names default itself',
      filename: 'argo/wf.yaml',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: w}\nspec:\n  serviceAccountName: runner\n  templates:\n    - name: a\n      container: {image: "a:1"}\n    - name: b\n      serviceAccountName: default\n      container: {image: "b:1"}\n',
      errors: [
        {
          line: 10,
          column: 27,
          endLine: 10,
          endColumn: 34,
          message: 'Template `b` runs as the `default` service account.',
        },
      ],
    },
    {
      name: 'Argo: CronWorkflow, at its workflowSpec',
      filename: 'argo/cron.yaml',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nmetadata: {name: nightly}\nspec:\n  schedule: "0 1 * * *"\n  workflowSpec:\n    templates:\n      - name: a\n        container: {image: "a:1"}\n      - name: b\n        container: {image: "b:1"}\n',
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 15, message: 'CronWorkflow `nightly`' }],
    },
    { name: 'unset', code: pod(), errors: [{ line: 5, column: 1, endLine: 5, endColumn: 5 }] },
    {
      name: 'Job template',
      code: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: "a:1"}]\n',
      errors: [{ line: 6, column: 5, endLine: 6, endColumn: 9, message: 'Job `j`' }],
    },
  ],
});
