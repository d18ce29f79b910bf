import { role, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'namespaced Role', code: role('[secrets]', '[get, list]') },
    { name: 'write only', code: role('[secrets]', '[create]', '', 'ClusterRole') },
    { name: 'named secret', code: role('[secrets]', '[get]', '    resourceNames: [tls]\n', 'ClusterRole') },
  ],
  invalid: [
    { name: 'watch', code: role('[pods, secrets]', '[watch]', '', 'ClusterRole'), errors: [{ line: 7, column: 23, endLine: 7, endColumn: 30 }] },
    { name: 'wildcard verb', code: role('[secrets]', '["*"]', '', 'ClusterRole'), errors: [{ line: 7, column: 17, endLine: 7, endColumn: 24 }] },
  ],
});
