import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    pod().replace('app:1.0', 'ghcr.io/acme/tiller-dashboard:1.2'),
  ],
  invalid: [
    {
      name: 'mirrored image pinned by digest',
      code: pod().replace(
        'app:1.0',
        'registry.corp/mirror/helm/tiller@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      ),
      errors: [
        {
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 118,
          message: 'The container `app` of Pod `app` runs Helm 2 Tiller',
        },
      ],
    },
  ],
});
