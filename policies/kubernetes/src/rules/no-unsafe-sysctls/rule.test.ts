import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    {
      name: 'safe sysctl',
      code: pod('', '  securityContext: {sysctls: [{name: net.ipv4.tcp_syncookies, value: "1"}]}\n'),
    },
    {
      name: 'safe sysctl written with slashes',
      code: pod('', '  securityContext: {sysctls: [{name: net/ipv4/tcp_syncookies, value: "1"}]}\n'),
    },
  ],
  invalid: [
    {
      name: 'one safe, one unsafe',
      code: pod(
        '',
        '  securityContext:\n    sysctls:\n      - {name: kernel.shm_rmid_forced, value: "1"}\n      - {name: net.core.somaxconn, value: "1024"}\n',
      ),
      errors: [{ line: 9, column: 16, endLine: 9, endColumn: 34, message: '`net.core.somaxconn`' }],
    },
  ],
});
