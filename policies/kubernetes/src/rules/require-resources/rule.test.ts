import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

const deploy = (resources: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
${resources}`;

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    {
      name: 'limits imply requests',
      code: deploy('          resources:\n            limits: {cpu: "1", memory: 1Gi}\n'),
    },
    {
      name: 'CPU limit required by option and set',
      code: deploy(
        '          resources:\n            requests: {cpu: 100m, memory: 1Gi}\n            limits: {cpu: 200m, memory: 1Gi}\n',
      ),
      options: { requireCpuLimit: true },
    },
    {
      name: 'ephemeral containers cannot set resources',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: "a:1", resources: {requests: {cpu: 1m, memory: 1Mi}, limits: {memory: 1Mi}}}]\n  ephemeralContainers: [{name: debug, image: "busybox:1"}]\n',
    },
    {
      name: 'Kustomize patch is a fragment',
      filename: 'overlays/prod/replicas-patch.yaml',
      code: deploy(''),
    },
  ],
  invalid: [
    {
      name: 'no resources at all: points at the container',
      code: deploy(''),
      errors: [
        {
          line: 9,
          column: 11,
          endLine: 9,
          endColumn: 20,
          message: 'sets no CPU request, memory request or memory limit',
        },
      ],
    },
    {
      name: 'only memory request',
      code: deploy('          resources:\n            requests:\n              memory: 128Mi\n'),
      errors: [
        { line: 11, column: 11, endLine: 11, endColumn: 20, message: 'sets no CPU request or memory limit' },
      ],
    },
    {
      name: 'CPU limit by option',
      code: deploy(
        '          resources:\n            requests: {cpu: 100m, memory: 1Gi}\n            limits: {memory: 1Gi}\n',
      ),
      options: { requireCpuLimit: true },
      errors: [{ line: 11, column: 11, endLine: 11, endColumn: 20, message: 'sets no CPU limit' }],
    },
    {
      name: 'init container of a StatefulSet',
      code: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  template:
    spec:
      initContainers:
        - name: chown
          image: busybox:1.36
      containers:
        - name: db
          image: postgres:16
          resources: {limits: {memory: 1Gi, cpu: "1"}}
`,
      errors: [{ line: 8, column: 11, endLine: 8, endColumn: 22, message: 'init container `chown`' }],
    },
  ],
});
