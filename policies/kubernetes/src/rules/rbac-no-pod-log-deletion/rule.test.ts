import { role, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    role('[pods/log]', '[get, list, watch]'),
    // A custom resource of another group that happens to share the name.
    role('[pods/log]', '[delete]', '', 'Role', '[logging.example.com]'),
  ],
  invalid: [
    {
      name: 'deletecollection in a ClusterRole',
      code: role('[pods, pods/log]', '[get, deletecollection]', '', 'ClusterRole'),
      errors: [
        { line: 7, column: 23, endLine: 7, endColumn: 31, message: 'ClusterRole `r` can delete pod logs' },
      ],
    },
    {
      name: 'wildcard verb',
      code: role('["pods/log"]', '["*"]'),
      errors: [{ line: 7, column: 17, endLine: 7, endColumn: 27 }],
    },
  ],
});
