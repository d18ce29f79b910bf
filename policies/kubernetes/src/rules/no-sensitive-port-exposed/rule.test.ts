import { tester } from '../../test-kit.js';
import rule from './rule.js';

const svc = (spec: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n${spec}`;

tester.run(rule, {
  valid: [svc('  type: LoadBalancer\n  ports: [{port: 443}]\n'), svc('  ports: [{port: 22}]\n')],
  invalid: [
    {
      name: 'SSH on NodePort and Redis via externalIPs',
      code: svc('  type: NodePort\n  ports:\n    - {name: ssh, port: 22}\n    - {name: web, port: 80}\n'),
      errors: [{ line: 7, column: 25, endLine: 7, endColumn: 27, message: 'port 22 (SSH)' }],
    },
    { name: 'externalIPs', code: svc('  externalIPs: [10.0.0.1]\n  ports: [{port: 6379}]\n'), errors: [{ line: 6, column: 18, endLine: 6, endColumn: 22, message: 'Redis' }] },
  ],
});
