import { tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    {
      name: 'hardened',
      filename: 'values.yaml',
      code: 'securityContext:\n  privileged: false\n  runAsNonRoot: true\n',
    },
    {
      name: 'a manifest is not values',
      filename: 'k8s/values.yaml',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {privileged: "true"}\n',
    },
  ],
  invalid: [
    {
      name: 'container securityContext in a per-environment file',
      filename: 'charts/agent/values-prod.yaml',
      code: 'agent:\n  securityContext:\n    privileged: true\n',
      errors: [
        {
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 21,
          message: '`agent.securityContext.privileged` is `true`',
        },
      ],
    },
  ],
});
