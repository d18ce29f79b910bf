import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import { describe, expect, it } from 'vitest';
import rule, { imitated } from './rule.js';

const workflow = (steps: string) =>
  `name: ci\non: pull_request\npermissions: { contents: read }\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    workflow(
      '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0\n      - uses: actions/setup-node@v4\n        with: { node-version: 22 }\n      - run: npm ci && npm test\n',
    ),
    // Unrelated actions that merely share a word with a popular one.
    workflow(
      '      - uses: acme/checkout-tools@v2\n      - uses: ./.github/actions/setup\n      - uses: docker://alpine:3.20\n',
    ),
    // A reusable workflow of a similar-looking but distinct organisation name stays quiet when it is no near miss.
    'on: push\njobs:\n  release:\n    uses: acme-platform/workflows/.github/workflows/release.yml@v3\n',
  ],
  invalid: [
    {
      name: 'a dropped letter in the owner',
      code: workflow('      - uses: actons/checkout@v4\n'),
      errors: [{ line: 8, column: 15, endLine: 8, endColumn: 33 }],
    },
    {
      name: 'singular owner, right repository',
      code: workflow('      - uses: action/setup-python@v5\n        with: { python-version: "3.12" }\n'),
      errors: [{ line: 8, column: 15, endLine: 8, endColumn: 37 }],
    },
    {
      name: 'swapped letters in the repository',
      code: workflow('      - uses: docker/login-actoin@v3\n        with: { registry: ghcr.io }\n'),
      errors: [{ line: 8, column: 15, endLine: 8, endColumn: 37 }],
    },
    {
      name: 'a reusable workflow from a look-alike of GitHub',
      code: 'on: push\njobs:\n  scan:\n    uses: githbu/codeql-action/.github/workflows/x.yml@v3\n',
      errors: [{ line: 4, column: 11, endLine: 4, endColumn: 58 }],
    },
  ],
});

describe('imitated', () => {
  it('names the popular action a near miss imitates, and nothing for the real one or a different word', () => {
    expect(imitated('aws-actions/configure-aws-credential')).toBe('aws-actions/configure-aws-credentials');
    expect(imitated('actions/checkout')).toBeUndefined();
    expect(imitated('azure/logout')).toBeUndefined();
    expect(imitated('acme/cache')).toBeUndefined();
  });
});
