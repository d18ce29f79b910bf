import { HARDENED, POD_HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'string false', code: pod('      securityContext: {allowPrivilegeEscalation: "false"}\n') },
    { name: 'windows pod', code: pod('', '  os: {name: windows}\n') },
    { name: 'nothing stated: listed by k8s/require-security-context', code: pod() },
  ],
  invalid: [
    {
      name: 'unset, the only restricted setting missing',
      code: pod(
        '      securityContext:\n        readOnlyRootFilesystem: true\n        capabilities: {drop: [ALL]}\n',
        POD_HARDENED,
      ),
      errors: [{ line: 10, column: 7, endLine: 10, endColumn: 22, message: 'does not set' }],
    },
    {
      name: 'securityContext without the field',
      code: pod(
        '      securityContext:\n        runAsNonRoot: true\n        readOnlyRootFilesystem: true\n        capabilities: {drop: [ALL]}\n',
        '  securityContext: {seccompProfile: {type: RuntimeDefault}}\n',
      ),
      errors: [{ line: 10, column: 7, endLine: 10, endColumn: 22 }],
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
