import { role, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    role('[services, endpoints]', '[get, list, watch]'),
    // Knative Services are not core Services.
    role('[services]', '[create, update]', '', 'Role', '[serving.knative.dev]'),
    role('[services]', '[update]', '    resourceNames: [api-canary]\n'),
    role('[ingresses/status]', '[update]', '', 'ClusterRole', '[networking.k8s.io]'),
  ],
  invalid: [
    {
      name: 'endpoints and services',
      code: role('[endpoints, services, pods]', '[create, patch]'),
      errors: [
        { line: 7, column: 17, endLine: 7, endColumn: 26, message: 'Role `r` can change `endpoints`.' },
        { line: 7, column: 28, endLine: 7, endColumn: 36, message: '`services`' },
      ],
    },
    {
      name: 'endpointslices',
      code: role('[endpointslices]', '["*"]', '', 'ClusterRole', '[discovery.k8s.io]'),
      errors: [{ line: 7, column: 17, endLine: 7, endColumn: 31 }],
    },
  ],
});
