import { role, tester } from '../../test-kit.js';
import rule from './rule.js';

const RBAC = '[rbac.authorization.k8s.io]';

tester.run(rule, {
  valid: [
    role('[rolebindings, roles]', '[get, list, watch]', '', 'Role', RBAC),
    role('[rolebindings]', '[update]', '    resourceNames: [tenant-a-admins]\n', 'Role', RBAC),
    role('[rolebindings]', '[create]', '', 'Role', '[""]'),
  ],
  invalid: [
    {
      name: 'create clusterrolebindings',
      code: role('[clusterrolebindings]', '[create]', '', 'ClusterRole', RBAC),
      errors: [
        {
          line: 7,
          column: 17,
          endLine: 7,
          endColumn: 36,
          message: 'ClusterRole `r` can write `clusterrolebindings`.',
        },
      ],
    },
    {
      name: 'every group, get and patch',
      code: role('[rolebindings]', '[get, patch]', '', 'Role', '["*"]'),
      errors: [{ line: 7, column: 17, endLine: 7, endColumn: 29 }],
    },
  ],
});
