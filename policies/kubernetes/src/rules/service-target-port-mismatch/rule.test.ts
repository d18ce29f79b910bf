import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

const svc = (ports: string, ns = 'production') => `apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: ${ns}}\nspec:\n  selector: {app: api}\n  ports:\n${ports}`;

tester.run(rule, {
  valid: [
    { name: 'named port of the Deployment in another file', filename: 'k8s/svc.yaml', code: svc('    - {port: 80, targetPort: http}\n'), files: { 'k8s/deploy.yaml': HARDENED } },
    { name: 'numeric port', filename: 'k8s/svc.yaml', code: svc('    - {port: 80, targetPort: 8080}\n'), files: { 'k8s/deploy.yaml': HARDENED } },
    { name: 'pods in another namespace are not compared', filename: 'k8s/svc.yaml', code: svc('    - {port: 80, targetPort: grpc}\n', 'staging'), files: { 'k8s/deploy.yaml': HARDENED } },
  ],
  invalid: [
    {
      name: 'wrong name and wrong number, objects in two files',
      filename: 'k8s/svc.yaml',
      code: svc('    - {name: a, port: 80, targetPort: grpc}\n    - {name: b, port: 9090}\n'),
      files: { 'k8s/deploy.yaml': HARDENED },
      errors: [
        { line: 7, column: 39, endLine: 7, endColumn: 43, message: '`grpc`' },
        { line: 8, column: 23, endLine: 8, endColumn: 27, message: 'port 9090' },
      ],
    },
  ],
});
