import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    {
      name: 'cargo publish --dry-run publishes nothing',
      code: 'on: release\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: Swatinem/rust-cache@v2\n      - run: cargo publish --dry-run\n',
    },
    {
      name: 'a release workflow that publishes nothing (a benchmark PR)',
      code: 'on: release\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/setup-go@v5\n      - run: make bench\n',
    },
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/cache@v4\n',
    "on:\n  push:\n    branches: [main]\n    tags: ['v*']\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/setup-go@v5\n",
    'on: release\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/setup-go@v5\n        with: { cache: false }\n      - uses: actions/cache/save@v4\n',
    {
      name: 'branches and tags: the cache is in a test job, the publishing job restores none',
      code: "on:\n  push:\n    branches: [main]\n    tags: ['v*']\njobs:\n  test:\n    runs-on: x\n    steps:\n      - uses: actions/setup-go@v5\n      - run: go test ./...\n  image:\n    runs-on: x\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n",
    },
    {
      name: 'hardened docker-publish: no gha cache on the publishing build',
      code: "on:\n  push:\n    branches: [main]\n    tags: ['v*.*.*']\njobs:\n  build:\n    runs-on: x\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: true\n          tags: ghcr.io/o/r:latest\n",
    },
  ],
  invalid: [
    {
      name: 'docker-publish starter style: branches and tags, gha cache in the job that pushes the image',
      code: "on:\n  schedule:\n    - cron: '0 0 * * *'\n  push:\n    branches: [main]\n    tags: ['v*.*.*']\n  pull_request:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v5\n        with:\n          push: ${{ github.event_name != 'pull_request' }}\n          cache-from: type=gha\n          cache-to: type=gha,mode=max\n",
      errors: [{ line: 16, column: 23, endLine: 16, endColumn: 31, message: 'tag push' }],
    },
    {
      name: 'tag-only push: docker bake with a gha cache in a block list',
      code: "on:\n  push:\n    tags: ['v*']\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: docker/bake-action@v5\n        with:\n          push: true\n          cache-from: |\n            type=gha,scope=build\n",
      errors: [{ line: 11, column: 23, endLine: 12, endColumn: 33 }],
    },
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
