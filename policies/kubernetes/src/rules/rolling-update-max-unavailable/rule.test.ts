import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

const deploy = (replicas: number, value: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: ${replicas}\n  strategy: {rollingUpdate: {maxUnavailable: ${value}}}\n  template:\n    spec:\n      containers: [{name: a, image: "a:1"}]\n`;

tester.run(rule, {
  valid: [{ name: 'hardened deployment', code: HARDENED }, deploy(4, '"50%"'), deploy(3, '2')],
  invalid: [
    { name: 'count equal to replicas', code: deploy(2, '2'), errors: [{ line: 6, column: 46, endLine: 6, endColumn: 47 }] },
    {
      name: 'StatefulSet',
      code: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  replicas: 3\n  updateStrategy:\n    rollingUpdate: {maxUnavailable: 3}\n  template:\n    spec:\n      containers: [{name: a, image: "a:1"}]\n',
      errors: [{ line: 7, column: 37, endLine: 7, endColumn: 38 }],
    },
  ],
});
