import { binding, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [binding('admin', 'Group', 'ops'), { name: 'a Role that happens to be called cluster-admin', code: binding('cluster-admin', 'User', 'a', 'RoleBinding', 'Role') }],
  invalid: [
    { name: 'RoleBinding to the ClusterRole', code: binding('cluster-admin', 'User', 'alice', 'RoleBinding'), errors: [{ line: 8, column: 9, endLine: 8, endColumn: 22, message: 'RoleBinding `b`' }] },
  ],
});
