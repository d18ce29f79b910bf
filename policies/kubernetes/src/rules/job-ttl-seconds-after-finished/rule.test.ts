import { tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    {
      name: 'a CronJob is not a stand-alone Job',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: a, image: "a:1"}]\n',
    },
  ],
  invalid: [{ name: 'in a List', code: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: batch/v1\n  kind: Job\n  metadata: {name: j}\n  spec:\n    template:\n      spec:\n        containers: [{name: a, image: "a:1"}]\n', errors: [{ line: 7, column: 3, endLine: 7, endColumn: 7 }] }],
});
