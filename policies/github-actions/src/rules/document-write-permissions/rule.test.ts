import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    'on: push\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
    'on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    permissions:\n      # create the GitHub release\n      contents: write\n      id-token: write # sign with Sigstore\n    steps:\n      - run: ./release.sh\n',
  ],
  invalid: [
    {
      name: 'job scopes without comments',
      code: 'on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: write\n      packages: write\n      id-token: write # keyless signing\n    steps:\n      - run: ./release.sh\n',
      errors: [
        { line: 6, column: 7, endLine: 6, endColumn: 22 },
        { line: 7, column: 7, endLine: 7, endColumn: 22 },
      ],
    },
    {
      name: 'write-all',
      code: 'on: push\npermissions: write-all\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
      errors: [{ line: 2, column: 14, endLine: 2, endColumn: 23 }],
    },
  ],
});
