import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    'name: x\non: push\njobs:\n  a:\n    runs-on: x\n    steps: [{run: x}]\n',
    { filename: 'action.yml', code: 'name: a\nruns:\n  using: node20\n  main: i.js\n' },
  ],
  invalid: [
    {
      name: 'jobs of a multi-job workflow',
      code: 'name: x\non: push\njobs:\n  a:\n    name: A\n    runs-on: x\n    steps: [{run: x}]\n  b:\n    runs-on: x\n    steps: [{run: x}]\n',
      errors: [{ line: 8, column: 3, endLine: 8, endColumn: 4 }],
    },
  ],
});
