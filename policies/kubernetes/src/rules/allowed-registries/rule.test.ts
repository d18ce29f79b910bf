import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

const image = (ref: string) => pod().replace('app:1.0', ref);
const allow = (...registries: string[]) => ({ registries });

tester.run(rule, {
  valid: [
    {
      name: 'hardened deployment pulls from a private host',
      code: HARDENED.replace('ghcr.io/myorg', 'registry.myorg.example'),
    },
    image('registry.corp.example:5000/team/api:2.0'),
    {
      name: 'ECR shorthand',
      code: image('111122223333.dkr.ecr.us-east-1.amazonaws.com/api:2.0'),
      options: allow('ecr'),
    },
    { name: 'ACR shorthand', code: image('contoso.azurecr.io/api:2.0'), options: allow('acr') },
    { name: 'GCR shorthand', code: image('europe-docker.pkg.dev/acme/prod/api:2.0'), options: allow('gcr') },
    { name: 'Docker Hub path prefix', code: image('bitnami/redis:7.4'), options: allow('docker.io/bitnami') },
    {
      name: 'host suffix',
      code: image('eu.registry.corp.example/api:2'),
      options: allow('*.registry.corp.example'),
    },
    { name: 'templated', code: image('{{inputs.parameters.image}}') },
  ],
  invalid: [
    {
      name: 'public registry by default',
      code: image('ghcr.io/someone/tool:1.0'),
      errors: [
        {
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 38,
          message: 'pulls `ghcr.io/someone/tool:1.0` from the public registry `ghcr.io`.',
        },
      ],
    },
    {
      name: 'look-alike host is not ECR',
      code: image('111122223333.dkr.ecr.us-east-1.amazonaws.com.evil.example/api:2.0'),
      options: allow('ecr'),
      errors: [{ line: 8, column: 14, endLine: 8, endColumn: 79, message: 'which is not allowed' }],
    },
    {
      name: 'path prefix is not a string prefix',
      code: image('ghcr.io/acme-evil/api:2.0'),
      options: allow('ghcr.io/acme'),
      errors: [{ line: 8, column: 14, endLine: 8, endColumn: 39 }],
    },
    {
      name: 'implicit Docker Hub against an ACR-only policy',
      code: image('nginx:1.27'),
      options: allow('acr'),
      errors: [{ line: 8, column: 14, endLine: 8, endColumn: 24, message: 'registry `docker.io`' }],
    },
  ],
});
