import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'string false', code: pod('      securityContext: {allowPrivilegeEscalation: "false"}\n') },
    { name: 'windows pod', code: pod('', '  os: {name: windows}\n') },
  ],
  invalid: [
    {
      name: 'unset, no securityContext',
      code: pod(),
      errors: [{ line: 7, column: 7, endLine: 7, endColumn: 16, message: 'does not set' }],
    },
    {
      name: 'securityContext without the field',
      code: pod('      securityContext:\n        runAsNonRoot: true\n'),
      errors: [{ line: 9, column: 7, endLine: 9, endColumn: 22 }],
    },
    {
      name: 'explicitly true in an ephemeral container',
      code: `${pod('      securityContext: {allowPrivilegeEscalation: false}\n')}  ephemeralContainers:\n    - name: debug\n      image: busybox:1.36\n      securityContext: {allowPrivilegeEscalation: true}\n`,
      errors: [
        {
          line: 13,
          column: 51,
          endLine: 13,
          endColumn: 55,
          message: 'ephemeral container `debug` of Pod `app` allows',
        },
      ],
    },
  ],
});
