import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const sha = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const wf = (steps: string) => `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    {
      name: 'the SLSA generator reusable workflow, by tag as it requires',
      code: 'on: push\njobs:\n  provenance:\n    uses: slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@v2.0.0\n',
    },
    wf(`      - uses: docker/login-action@${sha} # v3\n`),
    wf('      - uses: actions/checkout@v4\n      - uses: github/codeql-action/init@v3\n'),
    wf('      - uses: ./.github/actions/setup\n      - uses: docker://alpine:3.20\n'),
    { name: 'allow-list option', code: wf('      - uses: myorg/tool@v1\n'), options: { allow: ['myorg/*'] } },
    {
      name: 'action file',
      filename: 'action.yml',
      code: `runs:\n  using: composite\n  steps:\n    - uses: docker/setup-buildx-action@${sha}\n`,
    },
  ],
  invalid: [
    {
      name: 'tags, branches, missing ref, sub-path',
      code: wf(
        '      - uses: docker/login-action@v3\n      - uses: actions/checkout@main\n      - uses: aws-actions/configure-aws-credentials\n      - uses: org/mono/path/to@1.2.3\n',
      ),
      errors: [
        { line: 6, column: 15, endLine: 6, endColumn: 37, message: 'a tag its owner can move' },
        { line: 7, column: 15, endLine: 7, endColumn: 36, message: 'follows the branch `main`' },
        { line: 8, column: 15, endLine: 8, endColumn: 52, message: 'has no `@ref`' },
        { line: 9, column: 15, endLine: 9, endColumn: 37 },
      ],
    },
    {
      name: 'reusable workflow and the default allow-list turned off',
      code: 'on: push\njobs:\n  call:\n    uses: org/wf/.github/workflows/build.yml@v1\n  b:\n    runs-on: x\n    steps:\n      - uses: actions/checkout@v4\n',
      options: { allow: [] },
      errors: [
        { line: 4, column: 11, endLine: 4, endColumn: 48 },
        { line: 8, column: 15, endLine: 8, endColumn: 34 },
      ],
    },
    {
      name: 'composite action',
      filename: 'action.yml',
      code: 'runs:\n  using: composite\n  steps:\n    - uses: some/action@v2\n',
      errors: [{ line: 4, column: 13, endLine: 4, endColumn: 27 }],
    },
  ],
});
