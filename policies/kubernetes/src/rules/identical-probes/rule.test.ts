import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'same check, different timings', code: pod('      readinessProbe: {tcpSocket: {port: 80}, periodSeconds: 5}\n      livenessProbe: {tcpSocket: {port: 80}, periodSeconds: 20}\n') },
  ],
  invalid: [
    {
      name: 'same probe, keys in another order',
      code: pod('      readinessProbe: {tcpSocket: {port: 80}, periodSeconds: 5}\n      livenessProbe: {periodSeconds: 5, tcpSocket: {port: 80}}\n'),
      errors: [{ line: 10, column: 7, endLine: 10, endColumn: 20 }],
    },
  ],
});
