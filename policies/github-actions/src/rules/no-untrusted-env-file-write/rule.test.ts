import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo "SHA=${GITHUB_SHA::7}" >> $GITHUB_ENV\n',
    'on: pull_request_target\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo "V=$(cat version.txt)" >> $GITHUB_ENV\n',
  ],
  invalid: [
    {
      name: 'env from the event, braces and tee',
      code: 'on: pull_request\njobs:\n  a:\n    runs-on: x\n    env:\n      REF: ${{ github.head_ref }}\n    steps:\n      - run: |\n          echo "B=${REF}" | tee -a ${GITHUB_ENV}\n          echo "/opt/$REF/bin" >> $GITHUB_PATH\n',
      errors: [
        { line: 9, column: 29, endLine: 9, endColumn: 49 },
        { line: 10, column: 32, endLine: 10, endColumn: 47, message: '`$GITHUB_PATH`' },
      ],
    },
    {
      name: 'artifact content in workflow_run',
      code: 'on:\n  workflow_run:\n    workflows: [CI]\n    types: [completed]\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: actions/download-artifact@v4\n      - run: echo "PR=$(cat pr.txt)" >> "$GITHUB_ENV"\n',
      errors: [{ line: 10, column: 38, endLine: 10, endColumn: 54, message: 'downloaded artifact' }],
    },
  ],
});
