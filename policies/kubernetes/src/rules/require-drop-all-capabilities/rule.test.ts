import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'lower-case all', code: pod('      securityContext: {capabilities: {drop: [all]}}\n') },
    { name: 'windows pod', code: pod('', '  os: {name: windows}\n') },
  ],
  invalid: [
    { name: 'no securityContext', code: pod(), errors: [{ line: 7, column: 7, endLine: 7, endColumn: 16 }] },
    {
      name: 'capabilities without drop',
      code: pod('      securityContext:\n        capabilities:\n          add: [CHOWN]\n'),
      errors: [{ line: 10, column: 9, endLine: 10, endColumn: 21 }],
    },
  ],
});
