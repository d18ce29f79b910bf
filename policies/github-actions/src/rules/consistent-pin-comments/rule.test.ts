import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const CHECKOUT_V5 = 'actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8';
const CHECKOUT_V4 = 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683';
const wf = (job: string, uses: string) =>
  `on: push\npermissions: { contents: read }\njobs:\n  ${job}:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${uses}\n      - run: make ${job}\n`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    // Two releases, each pinned and named consistently.
    {
      code: wf('test', `${CHECKOUT_V5} # v5.0.0`),
      filename: '.github/workflows/test.yml',
      files: { '.github/workflows/build.yml': wf('build', `${CHECKOUT_V4} # v4.2.2`) },
    },
    // `v5` and `v5.0.0` on one SHA agree; `v4` moves, so two SHAs under it are normal.
    {
      code: wf('test', `${CHECKOUT_V5} # v5`),
      filename: '.github/workflows/test.yml',
      files: {
        '.github/workflows/build.yml': wf('build', `${CHECKOUT_V5} # v5.0.0`),
        '.github/workflows/lint.yml': wf('lint', `${CHECKOUT_V4} # v4`),
        '.github/workflows/docs.yml': wf(
          'docs',
          'actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4',
        ),
      },
    },
    // Two repositories scanned together do not compare their pins.
    {
      code: wf('test', `${CHECKOUT_V5} # v4.2.2`),
      filename: 'service-a/.github/workflows/test.yml',
      files: { 'service-b/.github/workflows/build.yml': wf('build', `${CHECKOUT_V5} # v5.0.0`) },
    },
    // A pin without a version comment has nothing to contradict.
    {
      code: wf('test', CHECKOUT_V5),
      filename: '.github/workflows/test.yml',
      files: { '.github/workflows/build.yml': wf('build', `${CHECKOUT_V4} # v4.2.2`) },
    },
  ],
  invalid: [
    {
      name: 'the same SHA called two versions',
      filename: '.github/workflows/test.yml',
      code: wf('test', `${CHECKOUT_V5} # v4.2.2`),
      files: { '.github/workflows/build.yml': wf('build', `${CHECKOUT_V5} # v5.0.0`) },
      errors: [{ line: 7, column: 75, endLine: 7, endColumn: 81 }],
    },
    {
      name: 'the same version pinned to two SHAs, in one file',
      filename: '.github/workflows/test.yml',
      code: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${CHECKOUT_V4} # v4.2.2\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${CHECKOUT_V5} # v4.2.2\n`,
      errors: [{ line: 10, column: 75, endLine: 10, endColumn: 81 }],
    },
  ],
});
