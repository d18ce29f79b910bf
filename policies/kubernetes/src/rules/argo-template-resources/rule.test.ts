import { tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'a plain Pod is another rule', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: "a:1"}]\n' },
    { name: 'steps templates run no pod', code: 'apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata: {name: w}\nspec:\n  templates:\n    - name: main\n      steps: [[{name: a, template: b}]]\n' },
  ],
  invalid: [
    {
      name: 'script and containerSet of a CronWorkflow',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nmetadata: {name: c}\nspec:\n  workflowSpec:\n    templates:\n      - name: s\n        script: {image: "python:3.12", source: "print(1)"}\n      - name: set\n        containerSet:\n          containers:\n            - name: a\n              image: a:1\n              resources: {requests: {cpu: 100m}}\n            - name: b\n              image: b:1\n',
      errors: [
        { line: 8, column: 9, endLine: 8, endColumn: 15, message: 'template `s`' },
        { line: 15, column: 15, endLine: 15, endColumn: 22, message: 'container `b` of template `set`' },
      ],
    },
  ],
});
