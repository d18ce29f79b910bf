import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'unset user', code: pod() },
    {
      name: 'container overrides pod root',
      code: pod('      securityContext: {runAsUser: 1000}\n', '  securityContext: {runAsUser: 0}\n'),
    },
  ],
  invalid: [
    {
      name: 'pod-level root reported once',
      code: `${pod('', '  securityContext:\n    runAsUser: 0\n')}    - name: b\n      image: b:1\n`,
      errors: [{ line: 7, column: 16, endLine: 7, endColumn: 17, message: 'Pod `app` runs as UID 0' }],
    },
    {
      name: 'container-level root',
      code: pod('      securityContext: {runAsUser: 0}\n'),
      errors: [
        { line: 9, column: 36, endLine: 9, endColumn: 37, message: 'The container `app` of Pod `app`' },
      ],
    },
  ],
});
