import { binding, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [binding('view', 'Group', 'developers'), binding('system:basic-user', 'Group', 'system:authenticated')],
  invalid: [
    { name: 'anonymous user', code: binding('edit', 'User', 'system:anonymous', 'RoleBinding'), errors: [{ line: 11, column: 11, endLine: 11, endColumn: 27 }] },
    { name: 'all service accounts', code: binding('view', 'Group', 'system:serviceaccounts'), errors: [{ line: 11, column: 11, endLine: 11, endColumn: 33 }] },
  ],
});
