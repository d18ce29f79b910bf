import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    {
      name: 'baseline capabilities',
      code: pod('      securityContext: {capabilities: {add: [CHOWN, SETUID, CAP_KILL]}}\n'),
    },
    {
      name: 'dangerous ones belong to another rule',
      code: pod('      securityContext: {capabilities: {add: [SYS_ADMIN]}}\n'),
    },
  ],
  invalid: [
    {
      name: 'IPC_LOCK and WAKE_ALARM',
      code: pod('      securityContext: {capabilities: {add: [IPC_LOCK, CHOWN, WAKE_ALARM]}}\n'),
      errors: [
        { line: 9, column: 46, endLine: 9, endColumn: 54, message: '`IPC_LOCK`' },
        { line: 9, column: 63, endLine: 9, endColumn: 73, message: '`WAKE_ALARM`' },
      ],
    },
  ],
});
