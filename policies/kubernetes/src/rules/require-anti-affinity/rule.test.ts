import { HARDENED, tester } from '../../test-kit.js';
import rule from './rule.js';

const deploy = (replicas: number, spec = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w}\nspec:\n  replicas: ${replicas}\n  template:\n    spec:\n${spec}      containers: [{name: a, image: "a:1"}]\n`;

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'single replica', code: deploy(1) },
    { name: 'anti-affinity', code: deploy(2, '      affinity: {podAntiAffinity: {preferredDuringSchedulingIgnoredDuringExecution: []}}\n') },
  ],
  invalid: [{ name: 'node affinity only', code: deploy(2, '      affinity: {nodeAffinity: {}}\n'), errors: [{ line: 7, column: 5, endLine: 7, endColumn: 9 }] }],
});
