import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'false', code: pod('      securityContext: {windowsOptions: {hostProcess: false}}\n') },
  ],
  invalid: [
    {
      name: 'container level',
      code: pod('      securityContext: {windowsOptions: {hostProcess: true, runAsUserName: "NT AUTHORITY\\\\SYSTEM"}}\n'),
      errors: [{ line: 9, column: 55, endLine: 9, endColumn: 59 }],
    },
  ],
});
