import { role, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [role('[pods/log, pods/portforward]', '[get, create]'), role('[pods/exec]', '[list]')],
  invalid: [
    {
      name: 'exec and attach via get',
      code: role('[pods/exec, pods/attach]', '[get]'),
      errors: [
        { line: 7, column: 17, endLine: 7, endColumn: 26, message: '`pods/exec`' },
        { line: 7, column: 28, endLine: 7, endColumn: 39, message: '`pods/attach`' },
      ],
    },
    { name: 'nodes/proxy', code: role('[nodes/proxy]', '[get]', '', 'ClusterRole'), errors: [{ line: 7, column: 17, endLine: 7, endColumn: 28 }] },
  ],
});
