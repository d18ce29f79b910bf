import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const steps = (s: string) => `on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${s}`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    steps(
      '      - run: gh pr comment "$PR" --body-file report.md\n        env:\n          GH_TOKEN: ${{ github.token }}\n          PR: ${{ github.event.pull_request.number }}\n',
    ),
    steps('      - uses: actions/checkout@v4\n      - uses: docker/build-push-action@v6\n'),
  ],
  invalid: [
    {
      name: 'comment and label actions',
      code: steps(
        '      - uses: thollander/actions-comment-pull-request@v3\n        with:\n          message: done\n      - uses: actions-ecosystem/action-add-labels@v1\n        with:\n          labels: reviewed\n',
      ),
      errors: [
        { line: 6, column: 15, endLine: 6, endColumn: 57 },
        { line: 9, column: 15, endLine: 9, endColumn: 53 },
      ],
    },
  ],
});
