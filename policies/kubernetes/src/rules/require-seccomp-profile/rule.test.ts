import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

const CONTAINER_HARDENED =
  'securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}';

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
    { name: 'nothing stated: listed by k8s/require-security-context', code: pod() },
  ],
  invalid: [
    {
      name: 'init and regular containers',
      code: pod(
        `      ${CONTAINER_HARDENED}\n`,
        `  securityContext: {runAsNonRoot: true}\n  initContainers:\n    - name: init\n      image: i:1\n      ${CONTAINER_HARDENED}\n`,
      ),
      errors: [
        { line: 8, column: 7, endLine: 8, endColumn: 17, message: 'init container `init`' },
        { line: 12, column: 7, endLine: 12, endColumn: 16, message: 'container `app`' },
      ],
    },
  ],
});
