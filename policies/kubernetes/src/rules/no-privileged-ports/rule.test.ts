import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    pod(
      '      ports:\n        - containerPort: 1024\n        - name: metrics\n          containerPort: 9090\n',
    ),
  ],
  invalid: [
    {
      name: 'DNS and HTTPS',
      code: pod(
        '      ports:\n        - name: dns\n          containerPort: 53\n          protocol: UDP\n        - containerPort: 443\n',
      ),
      errors: [
        {
          line: 11,
          column: 26,
          endLine: 11,
          endColumn: 28,
          message: 'The container `app` of Pod `app` listens on privileged port 53.',
        },
        { line: 13, column: 26, endLine: 13, endColumn: 29, message: 'port 443' },
      ],
    },
  ],
});
