import { role, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [role('[roles, rolebindings]', '[get, list, create]', '', 'Role', '[rbac.authorization.k8s.io]')],
  invalid: [
    {
      name: 'bind and escalate',
      code: role('[clusterroles]', '[bind, escalate, get]', '', 'ClusterRole', '[rbac.authorization.k8s.io]'),
      errors: [
        { line: 8, column: 13, endLine: 8, endColumn: 17, message: '`bind`' },
        { line: 8, column: 19, endLine: 8, endColumn: 27, message: '`escalate`' },
      ],
    },
  ],
});
