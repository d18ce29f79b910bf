import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const steps = (s: string) => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${s}`;
const allow = { allow: ['actions/*', 'acme/*', 'docker/login-action'] };

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    // Without lists nothing is forbidden.
    steps('      - uses: tj-actions/changed-files@v45\n'),
    {
      code: steps(
        '      - uses: actions/checkout@v4\n      - uses: acme/deploy@v2\n      - uses: ./.github/actions/local\n',
      ),
      options: allow,
    },
    { code: steps('      - uses: actions/checkout@v4\n'), options: { deny: ['tj-actions/*'] } },
  ],
  invalid: [
    {
      name: 'outside the allow list, step and reusable workflow',
      code: 'on: push\njobs:\n  scan:\n    uses: other-org/workflows/.github/workflows/scan.yml@v1\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/login-action@v3\n      - uses: docker/build-push-action@v6\n',
      options: allow,
      errors: [
        { line: 4, column: 11, endLine: 4, endColumn: 60 },
        { line: 9, column: 15, endLine: 9, endColumn: 42 },
      ],
    },
    {
      name: 'on the deny list',
      code: steps('      - uses: tj-actions/changed-files@v45\n'),
      options: { deny: ['tj-actions/*'] },
      errors: [{ line: 6, column: 15, endLine: 6, endColumn: 43 }],
    },
  ],
});
