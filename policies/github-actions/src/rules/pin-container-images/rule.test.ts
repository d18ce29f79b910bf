import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    'on: push\njobs:\n  a:\n    runs-on: x\n    container: node:20.11\n    steps:\n      - uses: docker://alpine@sha256:0123\n',
    'on: push\njobs:\n  a:\n    runs-on: x\n    container:\n      image: ${{ matrix.image }}\n    steps: [{run: x}]\n',
    {
      name: 'docker action with a Dockerfile',
      filename: 'action.yml',
      code: 'runs:\n  using: docker\n  image: Dockerfile\n',
    },
    {
      name: 'digest required and given',
      code: 'on: push\njobs:\n  a:\n    runs-on: x\n    container: node:20@sha256:abcd\n    steps: [{run: x}]\n',
      options: { requireDigest: true },
    },
  ],
  invalid: [
    {
      name: 'container without tag, docker step latest',
      code: 'on: push\njobs:\n  a:\n    runs-on: x\n    container:\n      image: ghcr.io/org/builder\n    steps:\n      - uses: docker://alpine:latest\n',
      errors: [
        { line: 6, column: 14, endLine: 6, endColumn: 33, message: 'has no tag' },
        { line: 8, column: 15, endLine: 8, endColumn: 37, message: 'uses `latest`' },
      ],
    },
    {
      name: 'requireDigest',
      code: 'on: push\njobs:\n  a:\n    runs-on: x\n    container: node:20\n    steps: [{run: x}]\n',
      options: { requireDigest: true },
      errors: [{ line: 5, column: 16, endLine: 5, endColumn: 23, message: 'not a digest' }],
    },
    {
      name: 'docker action image',
      filename: 'action.yml',
      code: "runs:\n  using: docker\n  image: 'docker://ghcr.io/org/tool'\n",
      errors: [{ line: 3, column: 10, endLine: 3, endColumn: 37 }],
    },
  ],
});
