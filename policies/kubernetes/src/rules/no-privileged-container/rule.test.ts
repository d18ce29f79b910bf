import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    {
      name: 'privileged: false',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: a:1\n      securityContext: {privileged: false}\n',
    },
    {
      name: 'not a workload kind',
      code: 'apiVersion: example.com/v1\nkind: Deployment\nmetadata: {name: p}\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          image: a:1\n          securityContext: {privileged: true}\n',
    },
  ],
  invalid: [
    {
      name: 'Deployment container and init container',
      code: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
        - name: setup
          image: busybox:1.36
          securityContext:
            privileged: true
      containers:
        - name: web
          image: nginx:1.27
          securityContext:
            privileged: "true"
`,
      errors: [
        {
          line: 12,
          column: 25,
          endLine: 12,
          endColumn: 29,
          message: 'init container `setup` of Deployment `web`',
        },
        { line: 17, column: 25, endLine: 17, endColumn: 31, message: 'container `web`' },
      ],
    },
    {
      name: 'CronJob in a List, second document',
      code: `apiVersion: v1
kind: ConfigMap
metadata: {name: x}
---
apiVersion: v1
kind: List
items:
  - apiVersion: batch/v1
    kind: CronJob
    metadata: {name: backup}
    spec:
      jobTemplate:
        spec:
          template:
            spec:
              containers:
                - {name: dump, image: "pg:16", securityContext: {privileged: true}}
`,
      errors: [{ line: 17, column: 78, endLine: 17, endColumn: 82 }],
    },
    {
      name: 'Argo workflow template',
      filename: 'argo/wf.yaml',
      code: `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata: {name: build}
spec:
  templates:
    - name: dind
      container:
        image: docker:27-dind
        securityContext:
          privileged: true
`,
      errors: [{ line: 10, column: 23, endLine: 10, endColumn: 27, message: 'template `dind`' }],
    },
  ],
});
