import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const job = (on: string, steps: string, extra = '') =>
  `on: ${on}\njobs:\n  a:\n    runs-on: x\n${extra}    steps:\n${steps}`;
const checkoutHead =
  '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    job('pull_request', `${checkoutHead}      - run: make\n`),
    job('pull_request_target', '      - uses: actions/checkout@v4\n      - run: make\n'),
    {
      name: 'nothing runs after the checkout',
      code: job('pull_request_target', `${checkoutHead}      - uses: actions/upload-artifact@v4\n`),
    },
    {
      name: 'pull requests opened by Dependabot (branches of the base repository)',
      code: job(
        'pull_request_target',
        `${checkoutHead}      - run: make generate\n`,
        "    if: github.event.pull_request.user.login == 'dependabot[bot]'\n",
      ),
    },
    {
      name: 'later steps only install global tools or build another checkout',
      code: job(
        'pull_request_target',
        `${checkoutHead}          path: pr\n      - uses: actions/checkout@v4\n        with: { repository: org/tool, path: tool }\n      - run: npm install -g markdownlint-cli\n      - run: cd tool && npm ci\n`,
      ),
    },
    {
      name: 'same-repository pull requests only',
      code: job(
        'pull_request_target',
        `${checkoutHead}      - run: make\n`,
        '    if: github.event.pull_request.head.repo.full_name == github.repository\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'merge ref in workflow_run-free pull_request_target, local action after',
      code: job(
        '[pull_request_target]',
        '      - uses: actions/checkout@v4\n        with:\n          ref: refs/pull/${{ github.event.number }}/merge\n      - uses: ./.github/actions/build\n',
      ),
      errors: [{ line: 8, column: 26, endLine: 8, endColumn: 52 }],
    },
    {
      name: 'workflow_run head sha',
      code: job(
        'workflow_run',
        '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.workflow_run.head_sha }}\n      - run: npm test\n',
      ),
      errors: [{ line: 8, column: 16, endLine: 8, endColumn: 57 }],
    },
    {
      name: 'gh pr checkout on issue_comment',
      code: job(
        'issue_comment',
        '      - uses: actions/checkout@v4\n      - run: |\n          gh pr checkout ${{ github.event.issue.number }}\n          make test\n',
      ),
      errors: [{ line: 8, column: 11, endLine: 8, endColumn: 58 }],
    },
  ],
});
