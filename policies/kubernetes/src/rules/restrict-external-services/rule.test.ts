import { tester } from '../../test-kit.js';
import rule from './rule.js';

const svc = (type: string, annotations = '') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n${annotations}spec:\n  type: ${type}\n  ports: [{port: 80}]\n`;

tester.run(rule, {
  valid: [
    svc('ClusterIP'),
    { name: 'internal AWS load balancer', code: svc('LoadBalancer', '  annotations:\n    service.beta.kubernetes.io/aws-load-balancer-scheme: internal\n') },
  ],
  invalid: [
    { name: 'NodePort', code: svc('NodePort'), errors: [{ line: 6, column: 9, endLine: 6, endColumn: 17, message: 'NodePort' }] },
    { name: 'public LB with an unrelated annotation', code: svc('LoadBalancer', '  annotations: {team: web}\n'), errors: [{ line: 7, column: 9, endLine: 7, endColumn: 21 }] },
  ],
});
