import { binding, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    {
      name: 'a read-only ClusterRole (in another file) for every service account',
      code: binding('view-runtimes', 'Group', 'system:serviceaccounts'),
      files: {
        'k8s/role.yaml':
          'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: view-runtimes}\nrules:\n  - {apiGroups: [trainer.example.com], resources: [runtimes], verbs: [get, list, watch]}\n',
      },
    },
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
      name: 'edit for all service accounts',
      code: binding('edit', 'Group', 'system:serviceaccounts'),
      errors: [{ line: 11, column: 11, endLine: 11, endColumn: 33 }],
    },
    {
      name: 'a ClusterRole that writes, for every signed-in user (role in another file)',
      code: binding('deployer', 'Group', 'system:authenticated'),
      files: {
        'k8s/role.yaml':
          'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: deployer}\nrules:\n  - {apiGroups: [apps], resources: [deployments], verbs: [get, patch]}\n',
      },
      errors: [{ line: 11, column: 11, endLine: 11, endColumn: 31 }],
    },
  ],
});
