import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const composite =
  'name: setup\ndescription: install the toolchain\nruns:\n  using: composite\n  steps:\n    - run: ./scripts/setup.sh\n      shell: bash\n';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    {
      code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: ./.github/actions/setup\n',
      files: { '.github/actions/setup/action.yml': composite },
    },
    // An example workflow outside .github/workflows is written for other repositories to copy.
    {
      filename: 'examples/ci.yml',
      code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: acme/app/.github/actions/setup@v1\n',
      files: { '.github/actions/setup/action.yml': composite },
    },
    // Another repository's action whose path does not exist here.
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: github/codeql-action/init@v3\n',
  ],
  invalid: [
    {
      name: 'a composite action of this repository through its name',
      code: 'on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: acme/app/.github/actions/setup@main\n',
      files: { '.github/actions/setup/action.yml': composite },
      errors: [{ line: 7, column: 15, endLine: 7, endColumn: 50 }],
    },
  ],
});
