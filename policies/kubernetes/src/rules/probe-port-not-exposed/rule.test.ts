import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'numeric port and no ports declared', code: pod('      livenessProbe: {tcpSocket: {port: 9000}}\n') },
    { name: 'numeric port declared', code: pod('      ports: [{containerPort: 9000}]\n      livenessProbe: {grpc: {port: 9000}}\n') },
  ],
  invalid: [
    {
      name: 'named port missing, number not declared',
      code: pod('      ports: [{containerPort: 8080}]\n      livenessProbe: {httpGet: {path: /, port: http}}\n      startupProbe: {tcpSocket: {port: 9090}}\n'),
      errors: [
        { line: 10, column: 48, endLine: 10, endColumn: 52, message: 'port name `http`' },
        { line: 11, column: 40, endLine: 11, endColumn: 44, message: 'port 9090' },
      ],
    },
  ],
});
