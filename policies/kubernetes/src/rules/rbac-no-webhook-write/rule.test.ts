import { role, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [role('[validatingwebhookconfigurations]', '[get, list, watch]', '', 'ClusterRole', '[admissionregistration.k8s.io]')],
  invalid: [
    {
      name: 'wildcard verb on validating webhooks',
      code: role('[validatingwebhookconfigurations]', '["*"]', '', 'ClusterRole', '[admissionregistration.k8s.io]'),
      errors: [{ line: 7, column: 17, endLine: 7, endColumn: 48 }],
    },
  ],
});
