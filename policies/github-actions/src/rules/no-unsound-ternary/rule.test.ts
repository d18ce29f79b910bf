import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    "on: push\njobs:\n  deploy:\n    runs-on: ${{ github.event_name == 'schedule' && 'ubuntu-24.04' || 'ubuntu-latest' }}\n    steps:\n      - run: make deploy\n",
    // The negated form is the hardened variant: the false-like value sits after `||`.
    "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo \"${{ github.ref != 'refs/heads/main' && 'next' || '' }}\"\n",
    // `&&` alone and `||` alone are fine.
    "on: push\njobs:\n  a:\n    if: github.repository == 'acme/app' && github.ref == 'refs/heads/main'\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ inputs.tag || 'latest' }}\n",
  ],
  invalid: [
    {
      name: "empty string as the 'then' value",
      code: "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm publish --tag ${{ github.ref == 'refs/heads/main' && '' || 'next' }}\n",
      errors: [{ line: 6, column: 32, endLine: 6, endColumn: 86 }],
    },
    {
      name: 'false in a with: input, inside parentheses',
      code: "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-node@v4\n        with:\n          cache: ${{ (runner.os == 'Linux' && false || true) }}\n",
      errors: [{ line: 8, column: 18, endLine: 8, endColumn: 64 }],
    },
    {
      name: 'zero in an env value',
      code: "on: push\nenv:\n  RETRIES: ${{ github.event_name == 'push' && 0 || 3 }}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./test.sh\n",
      errors: [{ line: 3, column: 12, endLine: 3, endColumn: 56 }],
    },
  ],
});
