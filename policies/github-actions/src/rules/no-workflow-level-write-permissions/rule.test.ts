import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    'on: push\npermissions:\n  contents: write\njobs:\n  only:\n    runs-on: x\n    steps: [{run: x}]\n',
    'on: push\npermissions:\n  contents: write\njobs:\n  a:\n    runs-on: x\n    steps: [{run: x}]\n  b:\n    runs-on: x\n    permissions: {}\n    steps: [{run: x}]\n',
  ],
  invalid: [
    {
      name: 'two write scopes',
      code: 'on: push\npermissions:\n  id-token: write\n  contents: read\n  pull-requests: write\njobs:\n  a:\n    runs-on: x\n    steps: [{run: x}]\n  b:\n    runs-on: x\n    steps: [{run: x}]\n',
      errors: [
        { line: 3, column: 3, endLine: 3, endColumn: 18, message: '`id-token: write`' },
        { line: 5, column: 3, endLine: 5, endColumn: 23 },
      ],
    },
  ],
});
