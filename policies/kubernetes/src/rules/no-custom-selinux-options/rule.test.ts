import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'container type', code: pod('      securityContext: {seLinuxOptions: {type: container_init_t}}\n') },
  ],
  invalid: [
    {
      name: 'container user and role',
      code: pod('      securityContext:\n        seLinuxOptions: {user: system_u, role: system_r}\n'),
      errors: [
        { line: 10, column: 32, endLine: 10, endColumn: 40, message: 'user `system_u`' },
        { line: 10, column: 48, endLine: 10, endColumn: 56, message: 'role `system_r`' },
      ],
    },
  ],
});
