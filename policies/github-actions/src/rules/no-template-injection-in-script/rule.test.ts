import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const wf = (steps: string) =>
  `on: issue_comment\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    {
      name: 'same-repository pull requests only (step guard)',
      code: 'on: pull_request_target\njobs:\n  a:\n    runs-on: x\n    steps:\n      - if: github.event.pull_request.head.repo.fork == false\n        uses: actions/github-script@v7\n        with:\n          script: console.log("${{ github.event.pull_request.title }}")\n',
    },
    wf(
      '      - uses: actions/github-script@v7\n        with:\n          script: console.log(context.payload.comment.body)\n',
    ),
    wf(
      '      - uses: actions/github-script@v7\n        with:\n          script: console.log("${{ github.sha }}")\n          github-token: ${{ github.event.comment.body }}\n',
    ),
    wf('      - uses: other/action@v1\n        with:\n          script: ${{ github.event.comment.body }}\n'),
  ],
  invalid: [
    {
      name: 'github-script and ssh-action',
      code: wf(
        '      - uses: actions/github-script@v7\n        with:\n          script: |\n            const b = `${{ github.event.comment.body }}`\n      - uses: appleboy/ssh-action@v1\n        with:\n          script: deploy ${{ github.event.issue.title }}\n',
      ),
      errors: [
        { line: 9, column: 24, endLine: 9, endColumn: 56, message: 'github.event.comment.body' },
        { line: 12, column: 26, endLine: 12, endColumn: 57 },
      ],
    },
  ],
});
