import { tester } from '../../test-kit.js';
import rule from './rule.js';

const cron = (extra: string) =>
  `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: "*/5 * * * *"\n${extra}  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: a, image: "a:1"}]\n`;

tester.run(rule, {
  valid: [cron('  concurrencyPolicy: Replace\n  startingDeadlineSeconds: 60\n')],
  invalid: [
    { name: 'explicit Allow', code: cron('  concurrencyPolicy: Allow\n  startingDeadlineSeconds: 60\n'), errors: [{ line: 6, column: 22, endLine: 6, endColumn: 27, message: 'runs may overlap' }] },
    { name: 'no deadline', code: cron('  concurrencyPolicy: Forbid\n'), errors: [{ line: 4, column: 1, endLine: 4, endColumn: 5, message: 'sets no `startingDeadlineSeconds`' }] },
  ],
});
