import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const steps = (s: string) => `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n${s}`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    steps(
      '      - uses: actions/checkout@v4\n      - uses: github/codeql-action/init@v3\n      - uses: ./.github/actions/setup\n',
    ),
    steps(
      "      - run: echo ${{ github.sha }}\n      - if: ${{ github.event_name == 'push' }}\n        run: make\n",
    ),
    // A plain `if: false` is visible; it is not flagged.
    steps('      - if: false\n        run: make slow-tests\n'),
    // A lone literal in an expression (starter workflows do this) hides nothing.
    steps(
      '      - run: xcodebuild -destination "platform=${{ \'iOS Simulator\' }}"\n      - run: echo ${{ false }}\n',
    ),
  ],
  invalid: [
    {
      name: 'a dot segment in the action path',
      code: steps('      - uses: actions/checkout/./@v4\n'),
      errors: [{ line: 6, column: 15, endLine: 6, endColumn: 37 }],
    },
    {
      name: 'a parent segment in a reusable workflow path',
      code: 'on: push\njobs:\n  deploy:\n    uses: acme/pipelines/.github/workflows/../workflows/deploy.yml@v2\n',
      errors: [{ line: 4, column: 11, endLine: 4, endColumn: 70 }],
    },
    {
      name: 'a constant hidden in an expression',
      code: steps(
        "      - run: ${{ format('{0}{1}', 'cu', 'rl') }} -fsSL https://example.com/i.sh -o i.sh\n",
      ),
      errors: [{ line: 6, column: 14, endLine: 6, endColumn: 49 }],
    },
  ],
});
