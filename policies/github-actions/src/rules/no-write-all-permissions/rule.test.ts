import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    'on: push\npermissions: read-all\njobs:\n  a:\n    runs-on: x\n    steps: [{run: x}]\n',
    'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    permissions:\n      contents: write\n    steps: [{run: x}]\n',
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: x}]\n',
    { filename: 'action.yml', code: 'runs:\n  using: composite\n  steps: []\n' },
  ],
  invalid: [
    {
      name: 'workflow and job level, quoted and upper case',
      code: 'on: push\npermissions: "WRITE-ALL"\njobs:\n  a:\n    runs-on: x\n    permissions: write-all\n    steps: [{run: x}]\n',
      errors: [
        { line: 2, column: 14, endLine: 2, endColumn: 25, message: 'The workflow' },
        { line: 6, column: 18, endLine: 6, endColumn: 27, message: 'Job `a`' },
      ],
    },
  ],
});
