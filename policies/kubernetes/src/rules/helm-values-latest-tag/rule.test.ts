import { tester } from '../../test-kit.js';
import rule from './rule.js';

const file = 'helm/my-app/values.yaml';

tester.run(rule, {
  valid: [
    {
      name: 'pinned tag',
      filename: file,
      code: 'image:\n  repository: ghcr.io/myorg/my-app\n  tag: "1.4.2"\n',
    },
    { name: 'a tag key that is no image', filename: file, code: 'release:\n  tag: latest\n' },
    {
      name: 'not a values file',
      filename: 'config/settings.yaml',
      code: 'image:\n  repository: a\n  tag: latest\n',
    },
  ],
  invalid: [
    {
      name: "the seed guide's values",
      filename: file,
      code: "replicaCount: 3\n\nimage:\n  repository: ghcr.io/myorg/my-app\n  pullPolicy: IfNotPresent\n  tag: 'latest'\n",
      errors: [{ line: 6, column: 8, endLine: 6, endColumn: 16, message: '`image.tag` is `latest`' }],
    },
    {
      name: 'a subchart image as one string',
      filename: 'charts/shop/values-prod.yaml',
      code: 'cache:\n  image: redis:latest\n',
      errors: [
        { line: 2, column: 10, endLine: 2, endColumn: 22, message: '`cache.image` uses `redis:latest`' },
      ],
    },
  ],
});
