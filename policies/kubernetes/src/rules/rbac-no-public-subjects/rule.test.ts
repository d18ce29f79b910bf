import { binding, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    binding('view', 'Group', 'developers'),
    binding('system:basic-user', 'Group', 'system:authenticated'),
    {
      name: 'a namespaced Role published to signed-in users',
      code: binding('public-config', 'Group', 'system:authenticated', 'RoleBinding', 'Role'),
    },
  ],
  invalid: [
    {
      name: 'anonymous user, even for a Role',
      code: binding('edit', 'User', 'system:anonymous', 'RoleBinding', 'Role'),
      errors: [{ line: 11, column: 11, endLine: 11, endColumn: 27 }],
    },
    {
      name: 'all service accounts',
      code: binding('view', 'Group', 'system:serviceaccounts'),
      errors: [{ line: 11, column: 11, endLine: 11, endColumn: 33 }],
    },
  ],
});
