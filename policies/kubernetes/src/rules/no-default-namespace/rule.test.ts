import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'no namespace set', code: pod() },
    { name: 'a ConfigMap', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: default}\n' },
  ],
  invalid: [
    {
      name: 'Service',
      code: 'apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: default}\nspec: {selector: {app: a}, ports: [{port: 80}]}\n',
      errors: [{ line: 3, column: 32, endLine: 3, endColumn: 39, message: 'Service `s`' }],
    },
  ],
});
