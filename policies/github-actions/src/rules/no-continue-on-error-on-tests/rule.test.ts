import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    "on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - id: t\n        run: go test ./...\n        continue-on-error: true\n      - run: ./report.sh\n      - if: steps.t.outcome == 'failure'\n        run: exit 1\n",
    'on: push\njobs:\n  a:\n    runs-on: x\n    continue-on-error: true\n    steps:\n      - name: Prepare test\n        run: ./prepare.sh\n',
    'on: push\njobs:\n  test:\n    runs-on: x\n    continue-on-error: ${{ matrix.experimental }}\n    steps: [{run: npm test}]\n',
    'on: push\njobs:\n  lint:\n    runs-on: x\n    steps:\n      - run: npm test\n        continue-on-error: false\n',
  ],
  invalid: [
    {
      name: 'job level and step level',
      code: 'on: push\njobs:\n  unit:\n    runs-on: x\n    continue-on-error: true\n    steps:\n      - run: go test ./...\n        continue-on-error: "true"\n',
      errors: [
        { line: 5, column: 5, endLine: 5, endColumn: 28 },
        { line: 8, column: 9, endLine: 8, endColumn: 34 },
      ],
    },
  ],
});
