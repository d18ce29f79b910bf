import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    {
      name: 'outside baseline is another rule',
      code: pod('      securityContext:\n        capabilities: {add: [NET_ADMIN]}\n'),
    },
    pod('      securityContext:\n        capabilities: {drop: [ALL], add: [CAP_NET_BIND_SERVICE]}\n'),
  ],
  invalid: [
    {
      name: 'block list, CAP_ prefix',
      code: pod('      securityContext:\n        capabilities:\n          add:\n            - CAP_KILL\n'),
      errors: [
        {
          line: 12,
          column: 15,
          endLine: 12,
          endColumn: 23,
          message: 'The container `app` of Pod `app` adds `KILL`.',
        },
      ],
    },
  ],
});
