import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'unset', code: pod() },
    {
      name: 'container overrides the pod group',
      code: pod('      securityContext: {runAsGroup: 10001}\n', '  securityContext: {runAsGroup: 0}\n'),
    },
  ],
  invalid: [
    {
      name: 'fsGroup and supplementalGroups',
      code: pod('', '  securityContext:\n    fsGroup: 0\n    supplementalGroups: [10001, 0]\n'),
      errors: [
        { line: 7, column: 14, endLine: 7, endColumn: 15, message: 'Pod `app` sets `fsGroup: 0`.' },
        { line: 8, column: 33, endLine: 8, endColumn: 34, message: 'adds group 0 to `supplementalGroups`' },
      ],
    },
    {
      name: 'container group',
      code: pod('      securityContext:\n        runAsGroup: 0\n'),
      errors: [
        {
          line: 10,
          column: 21,
          endLine: 10,
          endColumn: 22,
          message: 'The container `app` of Pod `app` runs with GID 0.',
        },
      ],
    },
  ],
});
