import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [{ name: 'hardened deployment', code: HARDENED }, pod('', '  hostAliases: []\n')],
  invalid: [
    {
      name: 'CronJob template',
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: sync\nspec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          hostAliases:\n            - ip: 192.168.10.4\n              hostnames: [erp.corp]\n          containers:\n            - name: sync\n              image: sync:1.0\n',
      errors: [
        { line: 12, column: 11, endLine: 12, endColumn: 22, message: 'CronJob `sync` sets `hostAliases`.' },
      ],
    },
  ],
});
