import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

const gitServer = (port: string, protocol = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: gitea
  namespace: forge
spec:
  serviceName: gitea
  selector:
    matchLabels: {app: gitea}
  template:
    metadata:
      labels: {app: gitea}
    spec:
      containers:
        - name: gitea
          image: gitea/gitea:1.22.3
          ports:
            - name: http
              containerPort: 3000
            - name: ssh
              containerPort: ${port}${protocol}
`;

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'SSH moved to an unprivileged port', code: gitServer('2222') },
    { name: 'UDP 22 is not SSH', code: gitServer('22', '\n              protocol: UDP') },
  ],
  invalid: [
    {
      name: 'git server with SSH on 22',
      code: gitServer('22'),
      errors: [{ line: 21, column: 30, endLine: 21, endColumn: 32 }],
    },
    {
      name: 'quoted port of a Knative Service',
      code: 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: shell}\nspec:\n  template:\n    spec:\n      containers:\n        - image: linuxserver/openssh-server:9.7\n          ports: [{containerPort: "22"}]\n',
      errors: [{ line: 9, column: 35, endLine: 9, endColumn: 39 }],
    },
  ],
});
