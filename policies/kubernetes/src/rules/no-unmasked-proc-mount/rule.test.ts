import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'Default', code: pod('      securityContext: {procMount: Default}\n') },
  ],
  invalid: [
    {
      name: 'Unmasked',
      code: pod('      securityContext: {procMount: Unmasked}\n'),
      errors: [{ line: 9, column: 36, endLine: 9, endColumn: 44, message: '`procMount: Unmasked`' }],
    },
  ],
});
