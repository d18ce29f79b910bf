import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    {
      name: 'same-repository pull requests only',
      code: 'on: pull_request\njobs:\n  a:\n    if: github.event.pull_request.head.repo.full_name == github.repository\n    runs-on: self-hosted\n    steps: [{run: make test}]\n',
    },
    'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{run: x}]\n',
  ],
  invalid: [
    {
      name: 'string form and labels form',
      code: 'on: [push, pull_request_target]\njobs:\n  a:\n    runs-on: self-hosted\n    steps: [{run: x}]\n  b:\n    runs-on:\n      labels: [Self-Hosted, gpu]\n    steps: [{run: x}]\n',
      errors: [
        { line: 4, column: 14, endLine: 4, endColumn: 25 },
        { line: 8, column: 7, endLine: 8, endColumn: 33 },
      ],
    },
  ],
});
