import { tester } from '../../test-kit.js';
import rule from './rule.js';

const constraint = (repos: string) =>
  `apiVersion: constraints.gatekeeper.sh/v1beta1\nkind: K8sAllowedRepos\nmetadata:\n  name: repos\nspec:\n  parameters:\n    repos:\n${repos}`;

tester.run(rule, {
  valid: [
    constraint(
      '      - 111122223333.dkr.ecr.eu-west-1.amazonaws.com/\n      - docker.io/library/nginx:1.27\n',
    ),
    constraint('      - registry.corp.example:5000/\n'),
    // Another kind with a `repos` list.
    'apiVersion: constraints.gatekeeper.sh/v1beta1\nkind: K8sDisallowedRepos\nmetadata:\n  name: banned\nspec:\n  parameters:\n    repos: ["docker.io"]\n',
  ],
  invalid: [
    {
      name: 'host and organisation without trailing slash',
      code: constraint('      - ghcr.io/acme/\n      - quay.io\n      - docker.io/acme\n'),
      errors: [
        { line: 9, column: 9, endLine: 9, endColumn: 16, message: 'allows `quay.io`' },
        { line: 10, column: 9, endLine: 10, endColumn: 23, message: 'allows `docker.io/acme`' },
      ],
    },
  ],
});
