import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'baseline capability', code: pod('      securityContext: {capabilities: {add: [CHOWN]}}\n') },
    { name: 'dropping is fine', code: pod('      securityContext: {capabilities: {drop: [SYS_ADMIN]}}\n') },
  ],
  invalid: [
    {
      name: 'CAP_ prefix and lower case, block list',
      code: pod(
        '      securityContext:\n        capabilities:\n          add:\n            - cap_sys_admin\n            - CHOWN\n            - ALL\n',
      ),
      errors: [
        { line: 12, column: 15, endLine: 12, endColumn: 28, message: '`SYS_ADMIN`' },
        { line: 14, column: 15, endLine: 14, endColumn: 18, message: '`ALL`' },
      ],
    },
  ],
});
