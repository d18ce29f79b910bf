import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'same name in two containers', code: `${pod('      env: [{name: A, value: "1"}]\n')}    - name: b\n      image: b:1\n      env: [{name: A, value: "2"}]\n` },
  ],
  invalid: [
    {
      name: 'three times',
      code: pod('      env:\n        - name: A\n          value: "1"\n        - name: A\n        - name: A\n'),
      errors: [
        { line: 12, column: 17, endLine: 12, endColumn: 18 },
        { line: 13, column: 17, endLine: 13, endColumn: 18 },
      ],
    },
  ],
});
