import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    {
      name: 'a release workflow that publishes nothing (a benchmark PR)',
      code: 'on: release\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/setup-go@v5\n      - run: make bench\n',
    },
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/cache@v4\n',
    "on:\n  push:\n    branches: [main]\n    tags: ['v*']\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/setup-go@v5\n",
    'on: release\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/setup-go@v5\n        with: { cache: false }\n      - uses: actions/cache/save@v4\n',
  ],
  invalid: [
    {
      name: 'release: actions/cache, setup-go default, docker gha cache',
      code: 'on:\n  release:\n    types: [published]\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/cache@v4\n      - uses: actions/setup-go@v5\n      - uses: docker/build-push-action@v6\n        with:\n          cache-from: type=gha\n',
      errors: [
        { line: 8, column: 15, endLine: 8, endColumn: 31 },
        { line: 9, column: 15, endLine: 9, endColumn: 34 },
        { line: 12, column: 23, endLine: 12, endColumn: 31 },
      ],
    },
  ],
});
