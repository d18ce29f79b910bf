import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: ["on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ${{ secrets['TOKEN'] }}\n"],
  invalid: [
    {
      name: 'computed index in with, toJSON in run',
      code: "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: o/a@v1\n        with:\n          token: ${{ secrets[matrix.key] }}\n      - run: echo '${{ toJSON(secrets) }}' > s.json\n",
      errors: [
        { line: 8, column: 18, endLine: 8, endColumn: 44, message: 'computed name' },
        { line: 9, column: 20, endLine: 9, endColumn: 42, message: 'whole' },
      ],
    },
  ],
});
