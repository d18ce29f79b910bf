import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    {
      name: 'CronJob is batch work',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: a, image: "a:1"}]\n',
    },
    {
      name: 'init containers are exempt',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      initContainers: [{name: i, image: "i:1"}]\n      containers:\n        - name: a\n          image: a:1\n          readinessProbe: {tcpSocket: {port: 80}}\n          livenessProbe: {tcpSocket: {port: 80}}\n',
    },
    {
      name: 'Argo workflow step',
      filename: 'argo/wf.yaml',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: w-}\nspec:\n  templates:\n    - name: main\n      container: {image: "a:1"}\n',
    },
  ],
  invalid: [
    {
      name: 'DaemonSet without either probe: one finding naming both, at the name even when image comes first',
      code: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      containers:
        - image: agent:1.0
          name: agent
`,
      errors: [
        {
          line: 10,
          column: 11,
          endLine: 10,
          endColumn: 22,
          message: 'has no readiness probe and no liveness probe',
        },
      ],
    },
    {
      name: 'Argo Rollout container without readiness probe',
      code: `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: my-app}
spec:
  template:
    spec:
      containers:
        - name: app
          image: app:2
          livenessProbe: {httpGet: {path: /, port: 8080}}
`,
      errors: [
        {
          line: 8,
          column: 11,
          endLine: 8,
          endColumn: 20,
          message: 'container `app` of Rollout `my-app` has no readiness',
        },
      ],
    },
  ],
});
