import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    {
      name: 'secret volume',
      code: pod(
        '      volumeMounts: [{name: s, mountPath: /s, readOnly: true}]\n',
        '  volumes: [{name: s, secret: {secretName: s}}]\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'secretKeyRef',
      code: pod(
        '      env:\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef: {name: db, key: password}\n',
      ),
      errors: [
        { line: 12, column: 13, endLine: 12, endColumn: 25, message: 'reads Secret `db` into `DB_PASSWORD`' },
      ],
    },
  ],
});
