import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    'on: push\nenv:\n  ACTIONS_ALLOW_UNSECURE_COMMANDS: false\njobs:\n  a:\n    runs-on: x\n    steps: [{run: x}]\n',
    'on: push\njobs:\n  a:\n    runs-on: x\n    env: { OTHER: true }\n    steps: [{run: x}]\n',
  ],
  invalid: [
    {
      name: 'job and step level, string "true"',
      code: 'on: push\njobs:\n  a:\n    runs-on: x\n    env:\n      ACTIONS_ALLOW_UNSECURE_COMMANDS: "true"\n    steps:\n      - run: x\n        env: { ACTIONS_ALLOW_UNSECURE_COMMANDS: true }\n',
      errors: [
        { line: 6, column: 7, endLine: 6, endColumn: 46 },
        { line: 9, column: 16, endLine: 9, endColumn: 53 },
      ],
    },
  ],
});
