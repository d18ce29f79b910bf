import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: ['on: push\njobs:\n  a:\n    runs-on: [self-hosted, ubuntu-20.04-custom]\n    steps: [{run: x}]\n'],
  invalid: [
    {
      name: 'list form and matrix',
      code: 'on: push\njobs:\n  a:\n    runs-on: [windows-2019]\n    steps: [{run: x}]\n  b:\n    strategy:\n      matrix:\n        os: [ubuntu-latest, macos-12]\n    runs-on: ${{ matrix.os }}\n    steps: [{run: x}]\n',
      errors: [
        { line: 4, column: 15, endLine: 4, endColumn: 27 },
        { line: 9, column: 29, endLine: 9, endColumn: 37 },
      ],
    },
  ],
});
