import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

const svc = (ports: string, ns = 'production') =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: ${ns}}\nspec:\n  selector: {app: api}\n  ports:\n${ports}`;

tester.run(rule, {
  valid: [
    {
      name: 'named port of the Deployment in another file',
      filename: 'k8s/svc.yaml',
      code: svc('    - {port: 80, targetPort: http}\n'),
      files: { 'k8s/deploy.yaml': HARDENED },
    },
    {
      name: 'numeric port',
      filename: 'k8s/svc.yaml',
      code: svc('    - {port: 80, targetPort: 8080}\n'),
      files: { 'k8s/deploy.yaml': HARDENED },
    },
    {
      name: 'port added by a Kustomize patch of the selected Deployment',
      filename: 'k8s/svc.yaml',
      code: svc('    - {port: 8443, targetPort: https}\n'),
      files: {
        'k8s/deploy.yaml': HARDENED,
        'k8s/kustomization.yaml':
          'resources: [deploy.yaml, svc.yaml]\npatches:\n  - path: proxy-sidecar.yaml\n',
        'k8s/proxy-sidecar.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: production}\nspec:\n  template:\n    spec:\n      containers:\n        - name: proxy\n          ports: [{name: https, containerPort: 8443}]\n',
      },
    },
    {
      name: 'placeholder port name',
      filename: 'k8s/svc.yaml',
      code: svc('    - {port: 80, targetPort: PORT}\n'),
      files: { 'k8s/deploy.yaml': HARDENED },
    },
    {
      name: 'pods in another namespace are not compared',
      filename: 'k8s/svc.yaml',
      code: svc('    - {port: 80, targetPort: grpc}\n', 'staging'),
      files: { 'k8s/deploy.yaml': HARDENED },
    },
  ],
  invalid: [
    {
      name: 'wrong name (a number not declared is fine), objects in two files',
      filename: 'k8s/svc.yaml',
      code: svc('    - {name: a, port: 80, targetPort: grpc}\n    - {name: b, port: 9090}\n'),
      files: { 'k8s/deploy.yaml': HARDENED },
      errors: [{ line: 7, column: 39, endLine: 7, endColumn: 43, message: '`grpc`' }],
    },
  ],
});
