import { tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    {
      name: "the seed guide's values (resources set)",
      filename: 'helm/my-app/values.yaml',
      code: 'image:\n  repository: ghcr.io/myorg/my-app\n  tag: "1.4.2"\nresources:\n  requests:\n    cpu: 500m\n    memory: 512Mi\n  limits:\n    memory: 2Gi\n',
    },
    { name: 'no image here', filename: 'values.yaml', code: 'ingress:\n  enabled: true\n' },
  ],
  invalid: [
    {
      name: 'no resources next to the image',
      filename: 'values.yaml',
      code: 'image:\n  repository: ghcr.io/myorg/my-app\n  tag: "1.4.2"\n',
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 6,
          message: 'The image at the top level has no `resources`',
        },
      ],
    },
    {
      name: 'an empty resources block of a component',
      filename: 'values.yaml',
      code: 'worker:\n  image:\n    repository: ghcr.io/myorg/worker\n  resources: {}\n',
      errors: [
        {
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 12,
          message: 'The image at `worker` has an empty `resources`',
        },
      ],
    },
  ],
});
