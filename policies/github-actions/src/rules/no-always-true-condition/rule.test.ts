import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const step = (cond: string) =>
  `on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - if: ${cond}\n        run: x\n`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    step('${{ success() }}'),
    step("github.ref == 'x'"),
    step('>-\n          ${{ success() }}'),
    step('"${{ always() }}"'),
  ],
  invalid: [
    {
      name: 'block scalar keeps the newline',
      code: step("|\n          ${{ github.ref == 'refs/heads/main' }}"),
      errors: [{ line: 6, column: 13, endLine: 7, endColumn: 49, message: 'trailing newline' }],
    },
    {
      name: 'two expressions joined by text',
      code: step('${{ a }} || ${{ b }}'),
      errors: [{ line: 6, column: 13, endLine: 6, endColumn: 33, message: 'mixes' }],
    },
  ],
});
