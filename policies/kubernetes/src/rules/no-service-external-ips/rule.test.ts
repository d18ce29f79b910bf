import { tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: ['apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  externalIPs: []\n'],
  invalid: [{ code: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  externalIPs: [10.0.0.1]\n', errors: [{ line: 5, column: 3, endLine: 5, endColumn: 14 }] }],
});
