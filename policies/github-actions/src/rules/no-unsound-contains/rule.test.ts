import { RuleTester } from '@plumbline/core/testing';
import { yamlLanguage } from '@plumbline/lang-yaml';
import rule from './rule.js';

const job = (cond: string) =>
  `on: push\njobs:\n  a:\n    if: ${cond}\n    runs-on: x\n    steps: [{run: x}]\n`;

new RuleTester([yamlLanguage]).run(rule, {
  valid: [
    job("contains(github.event.pull_request.labels.*.name, 'safe')"),
    job("contains(github.ref, 'release')"),
    job('contains(fromJSON(\'["a","b"]\'), github.event_name)'),
  ],
  invalid: [
    {
      name: 'inside ${{ }}, event name',
      code: job("${{ contains('push,workflow_dispatch', github.event_name) }}"),
      errors: [{ line: 4, column: 48, endLine: 4, endColumn: 65 }],
    },
  ],
});
