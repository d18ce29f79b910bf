import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

const img = (image: string, policy = '') => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: ${image}\n${policy}`;

tester.run(rule, {
  valid: [
    { name: 'hardened deployment (digest)', code: HARDENED },
    { name: 'latest defaults to Always', code: img('app:latest') },
  ],
  invalid: [
    { name: 'default IfNotPresent', code: img('app:1.0'), errors: [{ line: 7, column: 14, endLine: 7, endColumn: 21, message: 'policy `IfNotPresent`' }] },
    { name: 'Never', code: img('app:latest', '      imagePullPolicy: Never\n'), errors: [{ line: 8, column: 24, endLine: 8, endColumn: 29 }] },
  ],
});
