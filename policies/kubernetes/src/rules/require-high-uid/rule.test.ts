import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'unset', code: pod() },
    { name: 'root is another rule', code: pod('      securityContext: {runAsUser: 0, runAsGroup: 0}\n') },
    {
      name: 'Windows pod',
      code: pod('      securityContext: {runAsUser: 1000}\n', '  os: {name: windows}\n'),
    },
  ],
  invalid: [
    {
      name: 'container group overrides a high pod group',
      code: pod(
        '      securityContext:\n        runAsGroup: 3000\n',
        '  securityContext: {runAsUser: 20000, runAsGroup: 20000}\n',
      ),
      errors: [
        {
          line: 11,
          column: 21,
          endLine: 11,
          endColumn: 25,
          message: 'The container `app` of Pod `app` runs with GID 3000 (10000 or below).',
        },
      ],
    },
    {
      name: 'pod-level user reported once for two containers',
      code: `${pod('', '  securityContext:\n    runAsUser: 101\n')}    - name: sidecar\n      image: envoy:1.31\n`,
      errors: [{ line: 7, column: 16, endLine: 7, endColumn: 19, message: 'Pod `app` runs with UID 101' }],
    },
  ],
});
