import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [{ name: 'hardened deployment', code: HARDENED }],
  invalid: [
    {
      name: 'Deployment with both fields',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      serviceAccountName: a\n      serviceAccount: a\n      containers: [{name: a, image: "a:1"}]\n',
      errors: [{ line: 8, column: 7, endLine: 8, endColumn: 21 }],
    },
  ],
});
