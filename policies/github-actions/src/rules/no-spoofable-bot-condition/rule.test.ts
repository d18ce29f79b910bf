import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
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
      name: 'step condition in ${{ }}, reversed, triggering_actor',
      code: "on: pull_request\njobs:\n  a:\n    runs-on: x\n    steps:\n      - if: ${{ 'dependabot[bot]' == github.triggering_actor }}\n        run: x\n",
      errors: [{ line: 6, column: 38, endLine: 6, endColumn: 61 }],
    },
  ],
});
