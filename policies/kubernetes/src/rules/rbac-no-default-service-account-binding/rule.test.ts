import { binding, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [binding('view', 'ServiceAccount', 'reporter'), binding('view', 'User', 'default')],
  invalid: [
    { name: 'default SA', code: binding('view', 'ServiceAccount', 'default', 'RoleBinding'), errors: [{ line: 11, column: 11, endLine: 11, endColumn: 18, message: 'default service account of `shop`' }] },
  ],
});
