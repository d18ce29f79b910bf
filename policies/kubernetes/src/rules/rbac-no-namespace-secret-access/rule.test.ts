import { role, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    role('[secrets]', '[get]', '    resourceNames: [tls-cert]\n'),
    role('[configmaps]', '[get, list]'),
    // A ClusterRole is rbac-no-cluster-wide-secret-read's concern.
    role('[secrets]', '[get, list]', '', 'ClusterRole'),
  ],
  invalid: [
    {
      name: 'write only',
      code: role('[secrets, configmaps]', '[create, delete]'),
      errors: [
        {
          line: 7,
          column: 17,
          endLine: 7,
          endColumn: 24,
          message: 'Role `r` can access every Secret of namespace `default`.',
        },
      ],
    },
  ],
});
