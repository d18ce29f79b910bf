import { role, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    role('[configmaps]', '[get, list, watch]'),
    role('[configmaps]', '[update, patch]', '    resourceNames: [ingress-controller-leader]\n'),
    role('[leases]', '[create, update]', '', 'Role', '[coordination.k8s.io]'),
  ],
  invalid: [
    {
      name: 'leader election through configmaps',
      code: role('[configmaps, events]', '[get, create, update]'),
      errors: [
        {
          line: 7,
          column: 17,
          endLine: 7,
          endColumn: 27,
          message: 'Role `r` can change every ConfigMap of its namespace',
        },
      ],
    },
    {
      name: 'every group',
      code: role('[configmaps]', '[delete]', '', 'ClusterRole', '["*"]'),
      errors: [{ line: 7, column: 17, endLine: 7, endColumn: 27, message: 'every ConfigMap.' }],
    },
  ],
});
