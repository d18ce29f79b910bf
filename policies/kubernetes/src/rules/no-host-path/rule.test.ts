import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    {
      name: 'sensitive paths belong to another rule',
      code: pod('', '  volumes:\n    - name: v\n      hostPath: {path: /var/run/docker.sock}\n'),
    },
  ],
  invalid: [
    {
      name: 'writable mount',
      code: pod(
        '      volumeMounts: [{name: v, mountPath: /d}]\n',
        '  volumes:\n    - name: v\n      hostPath: {path: /srv/data, type: Directory}\n',
      ),
      errors: [
        { line: 8, column: 7, endLine: 8, endColumn: 15, message: "mounts the node's `/srv/data` writable" },
      ],
    },
    {
      name: 'read-only mount',
      code: pod(
        '      volumeMounts: [{name: v, mountPath: /d, readOnly: true}]\n',
        '  volumes:\n    - name: v\n      hostPath: {path: /var/log}\n',
      ),
      errors: [{ line: 8, column: 7, endLine: 8, endColumn: 15, message: '`/var/log` (volume' }],
    },
  ],
});
