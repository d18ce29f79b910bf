import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    'on: push\njobs:\n  a:\n    uses: ./.github/workflows/x.yml\n    secrets: inherit\n',
    'on: push\njobs:\n  a:\n    uses: org/repo/.github/workflows/x.yml@v1\n    secrets: {}\n',
  ],
  invalid: [
    {
      name: 'reusable workflow of another repository',
      code: 'on: push\njobs:\n  a:\n    uses: org/repo/.github/workflows/x.yml@v1\n    secrets: "inherit"\n',
      errors: [{ line: 5, column: 5, endLine: 5, endColumn: 23 }],
    },
  ],
});
