import { role, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [role('[pods]', '[get, list]'), { name: 'the guide role', code: role('[pods, services]', "['get', 'list', 'watch']") }],
  invalid: [
    {
      name: 'wildcards everywhere in a ClusterRole',
      code: role('["*"]', '["*"]', '', 'ClusterRole', '["*"]'),
      errors: [
        { line: 6, column: 17, endLine: 6, endColumn: 20, message: 'apiGroups' },
        { line: 7, column: 17, endLine: 7, endColumn: 20, message: 'resources' },
        { line: 8, column: 13, endLine: 8, endColumn: 16, message: 'verbs' },
      ],
    },
  ],
});
