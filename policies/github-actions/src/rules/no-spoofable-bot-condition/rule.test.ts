import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

// Dependabot auto-merge, with the bot recognised in each of the spellings seen in the wild.
const automerge = (condition: string) => `name: Dependabot auto-merge
on: pull_request_target
permissions:
  contents: write
  pull-requests: write
jobs:
  automerge:
    runs-on: ubuntu-latest
    if: ${condition}
    steps:
      - run: gh pr merge --auto --squash "$PR_URL"
        env:
          PR_URL: \${{ github.event.pull_request.html_url }}
          GH_TOKEN: \${{ secrets.GITHUB_TOKEN }}
`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    {
      name: 'hardened: the pull request author',
      code: automerge("github.event.pull_request.user.login == 'dependabot[bot]'"),
    },
    { name: 'the PR author id', code: automerge('github.event.pull_request.user.id == 49699333') },
    { name: 'skipping the bot', code: automerge('github.actor_id != 49699333') },
    {
      name: 'same-repository pull requests only',
      code: "on: pull_request_target\njobs:\n  a:\n    if: github.event.pull_request.head.repo.full_name == github.repository && github.actor == 'dependabot[bot]'\n    runs-on: x\n    steps: [{run: gh pr merge --auto}]\n",
    },
    "on: pull_request\njobs:\n  a:\n    if: github.actor != 'dependabot[bot]'\n    runs-on: x\n    steps: [{run: x}]\n",
    "on: push\njobs:\n  a:\n    if: github.actor == 'octocat'\n    runs-on: x\n    steps: [{run: x}]\n",
    "on: pull_request\njobs:\n  a:\n    runs-on: x\n    steps:\n      - if: github.event.pull_request.user.login == 'renovate[bot]'\n        run: x\n",
  ],
  invalid: [
    {
      name: "index syntax: github['actor']",
      code: automerge("github['actor'] == 'dependabot[bot]'"),
      errors: [{ line: 9, column: 9, endLine: 9, endColumn: 24 }],
    },
    {
      name: 'bot user id, and github["triggering_actor"] reversed',
      code: automerge('github.actor_id == 49699333 || \'dependabot[bot]\' == github["triggering_actor"]'),
      errors: [{ line: 9, column: 9, endLine: 9, endColumn: 24, message: '`github.actor_id`' }],
    },
    {
      name: 'quoted user id inside ${{ }}',
      code: automerge("${{ github.event.sender.id == '41898282' }}"),
      errors: [{ line: 9, column: 13, endLine: 9, endColumn: 35, message: '`github.event.sender.id`' }],
    },
    {
      name: 'step condition in ${{ }}, reversed, triggering_actor',
      code: "on: pull_request\njobs:\n  a:\n    runs-on: x\n    steps:\n      - if: ${{ 'dependabot[bot]' == github.triggering_actor }}\n        run: x\n",
      errors: [{ line: 6, column: 38, endLine: 6, endColumn: 61 }],
    },
  ],
});
