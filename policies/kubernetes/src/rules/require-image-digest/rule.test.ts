import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

const img = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: ${image}\n`;

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'allowed registry', code: img('registry.corp/app:1.0'), options: { allow: ['registry.corp/'] } },
  ],
  invalid: [{ name: 'tag only', code: img('registry.other/app:1.0'), options: { allow: ['registry.corp/'] }, errors: [{ line: 7, column: 14, endLine: 7, endColumn: 36 }] }],
});
