import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    {
      name: 'container Localhost',
      code: pod('      securityContext: {seccompProfile: {type: Localhost, localhostProfile: p.json}}\n'),
    },
    {
      name: 'legacy pod annotation',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\n  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: runtime/default\nspec:\n  containers: [{name: a, image: "a:1"}]\n',
    },
    {
      name: 'Unconfined is another rule',
      code: pod('', '  securityContext: {seccompProfile: {type: Unconfined}}\n'),
    },
  ],
  invalid: [
    {
      name: 'init and regular containers',
      code: pod('', '  initContainers:\n    - name: init\n      image: i:1\n'),
      errors: [
        { line: 7, column: 7, endLine: 7, endColumn: 17, message: 'init container `init`' },
        { line: 10, column: 7, endLine: 10, endColumn: 16, message: 'container `app`' },
      ],
    },
  ],
});
