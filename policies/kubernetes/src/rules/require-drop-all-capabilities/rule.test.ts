import { HARDENED, POD_HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'lower-case all', code: pod('      securityContext: {capabilities: {drop: [all]}}\n') },
    { name: 'windows pod', code: pod('', '  os: {name: windows}\n') },
    { name: 'nothing stated: listed by k8s/require-security-context', code: pod() },
  ],
  invalid: [
    {
      name: 'no drop, the only restricted setting missing',
      code: pod(
        '      securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false}\n',
        POD_HARDENED,
      ),
      errors: [{ line: 10, column: 7, endLine: 10, endColumn: 22 }],
    },
    {
      name: 'capabilities without drop',
      code: pod(
        '      securityContext:\n        readOnlyRootFilesystem: true\n        allowPrivilegeEscalation: false\n        capabilities:\n          add: [CHOWN]\n',
        POD_HARDENED,
      ),
      errors: [{ line: 13, column: 9, endLine: 13, endColumn: 21 }],
    },
    {
      name: 'drop without ALL, whatever else is missing',
      code: pod('      securityContext:\n        capabilities:\n          drop: [NET_RAW]\n'),
      errors: [{ line: 11, column: 11, endLine: 11, endColumn: 15 }],
    },
  ],
});
