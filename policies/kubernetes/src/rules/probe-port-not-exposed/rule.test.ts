import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    {
      name: 'numeric port and no ports declared',
      code: pod('      livenessProbe: {tcpSocket: {port: 9000}}\n'),
    },
    {
      name: 'numeric port declared',
      code: pod('      ports: [{containerPort: 9000}]\n      livenessProbe: {grpc: {port: 9000}}\n'),
    },
    {
      name: 'numeric port not declared still works',
      code: pod('      ports: [{containerPort: 8080}]\n      startupProbe: {tcpSocket: {port: 9090}}\n'),
    },
  ],
  invalid: [
    {
      name: 'named port missing',
      code: pod(
        '      ports: [{containerPort: 8080, name: web}]\n      livenessProbe: {httpGet: {path: /, port: http}}\n      readinessProbe: {httpGet: {path: /, port: web}}\n',
      ),
      errors: [{ line: 10, column: 48, endLine: 10, endColumn: 52, message: 'port name `http`' }],
    },
  ],
});
