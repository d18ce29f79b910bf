import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

const deploy = (selector: string, labels: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: ${selector}\n  template:\n    metadata: {labels: ${labels}}\n    spec:\n      containers: [{name: a, image: "a:1"}]\n`;

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'matchExpressions that match', code: deploy('{matchExpressions: [{key: app, operator: In, values: [a, b]}]}', '{app: b}') },
  ],
  invalid: [
    { name: 'value differs', code: deploy('{matchLabels: {app: a}}', '{app: b}'), errors: [{ line: 5, column: 3, endLine: 5, endColumn: 11 }] },
    { name: 'missing label', code: deploy('{matchLabels: {app: a, tier: web}}', '{app: a}'), errors: [{ line: 5, column: 3, endLine: 5, endColumn: 11 }] },
  ],
});
