import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    {
      name: 'ephemeral debug containers are exempt',
      code: `${pod('      securityContext: {readOnlyRootFilesystem: true}\n')}  ephemeralContainers: [{name: d, image: "busybox:1"}]\n`,
    },
  ],
  invalid: [
    { name: 'unset', code: pod(), errors: [{ line: 7, column: 7, endLine: 7, endColumn: 16 }] },
    {
      name: 'securityContext without it',
      code: pod('      securityContext: {runAsUser: 1}\n'),
      errors: [{ line: 9, column: 7, endLine: 9, endColumn: 22 }],
    },
  ],
});
