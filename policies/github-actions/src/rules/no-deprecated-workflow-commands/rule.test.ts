import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: |\n          # ::set-output was replaced\n          echo "::notice::done"\n',
  ],
  invalid: [
    {
      name: 'several commands in a block',
      code: 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: |\n          echo "::save-state name=a::1"\n          echo "::add-path::/opt/bin"\n',
      errors: [
        { line: 7, column: 17, endLine: 7, endColumn: 29, message: '$GITHUB_STATE' },
        { line: 8, column: 17, endLine: 8, endColumn: 27, message: 'disabled' },
      ],
    },
    {
      name: 'composite action',
      filename: 'action.yml',
      code: 'runs:\n  using: composite\n  steps:\n    - run: echo "::set-env name=A::b"\n      shell: bash\n',
      errors: [{ line: 4, column: 18, endLine: 4, endColumn: 27 }],
    },
  ],
});
