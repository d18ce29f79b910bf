import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'dedicated account', code: pod('', '  serviceAccountName: app\n') },
    {
      name: 'default ServiceAccount opts out, in another file',
      code: pod(),
      files: {
        'k8s/sa.yaml':
          'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default, namespace: default}\nautomountServiceAccountToken: false\n',
      },
    },
    {
      name: 'Argo workflows need the token',
      filename: 'argo/wf.yaml',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: w}\nspec:\n  templates:\n    - name: a\n      container: {image: "a:1"}\n',
    },
  ],
  invalid: [
    {
      name: 'explicit true with default account',
      code: pod('', '  serviceAccountName: default\n  automountServiceAccountToken: true\n'),
      errors: [{ line: 7, column: 33, endLine: 7, endColumn: 37 }],
    },
    {
      name: 'the default account of another namespace does not count',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: shop}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: "a:1"}]\n',
      files: {
        'k8s/sa.yaml':
          'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default, namespace: other}\nautomountServiceAccountToken: false\n',
      },
      errors: [{ line: 6, column: 5, endLine: 6, endColumn: 9, message: 'Deployment `d`' }],
    },
  ],
});
