import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    "on: [issue_comment, pull_request_target]\njobs:\n  a:\n    if: github.event_name == 'pull_request_target'\n    runs-on: x\n    steps: [{run: x}]\n",
    'on: issues\njobs:\n  a:\n    runs-on: x\n    steps: [{run: x}]\n',
    'on: issue_comment\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: peter-evans/slash-command-dispatch@v4\n      - run: x\n',
    'on: issue_comment\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/github-script@v7\n        with:\n          script: github.rest.reactions.createForIssueComment({})\n',
    'on: issue_comment\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: gh api repos/o/r/collaborators/$U/permission\n      - run: x\n',
  ],
  invalid: [
    {
      name: 'checkout and run, second job gated',
      code: "on:\n  issue_comment:\n    types: [created]\njobs:\n  test:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n  ok:\n    if: github.event.comment.author_association == 'OWNER'\n    runs-on: x\n    steps: [{run: x}]\n",
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 7 }],
    },
  ],
});
