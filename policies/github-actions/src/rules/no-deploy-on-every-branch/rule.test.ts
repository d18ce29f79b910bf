import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const deploy =
  '    runs-on: x\n    environment: production\n    steps: [{run: helm upgrade --install a ./c --wait}]\n';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    `on:\n  push:\n    tags: ['v*']\njobs:\n  d:\n${deploy}`,
    `on: [push, pull_request]\njobs:\n  build:\n    if: github.ref == 'refs/heads/main'\n    runs-on: x\n    steps: [{run: make}]\n  d:\n    needs: build\n${deploy}`,
    `on: workflow_dispatch\njobs:\n  d:\n${deploy}`,
  ],
  invalid: [
    {
      name: 'branches: ["**"]',
      code: `on:\n  push:\n    branches: ['**']\njobs:\n  d:\n${deploy}`,
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 4 }],
    },
  ],
});
