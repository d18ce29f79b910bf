import { role, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    role('[configmaps]', '[get, watch]', '    resourceNames: [aws-auth]\n'),
    role('[configmaps]', '[update]', '    resourceNames: [cluster-autoscaler-status]\n'),
  ],
  invalid: [
    {
      name: 'wildcard verb on aws-auth',
      code: role('[configmaps]', '["*"]', '    resourceNames: [aws-auth, coredns]\n', 'ClusterRole'),
      errors: [
        {
          line: 9,
          column: 21,
          endLine: 9,
          endColumn: 29,
          message: 'ClusterRole `r` can change the `aws-auth` ConfigMap.',
        },
      ],
    },
  ],
});
