import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    // Scheduled and manual workflows do not pile up.
    "on:\n  schedule:\n    - cron: '0 3 * * *'\n  workflow_dispatch:\njobs:\n  nightly:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make nightly\n",
    'on: pull_request\njobs:\n  test:\n    runs-on: ubuntu-latest\n    concurrency:\n      group: test-${{ github.head_ref }}\n      cancel-in-progress: true\n    steps:\n      - run: make test\n',
  ],
  invalid: [
    {
      name: 'pull request workflow without a group',
      code: 'name: Lint\non:\n  pull_request:\n    branches: [main]\njobs:\n  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make lint\n',
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 3 }],
    },
  ],
});
