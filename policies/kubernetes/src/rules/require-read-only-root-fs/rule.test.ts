import { HARDENED, POD_HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    {
      name: 'ephemeral debug containers are exempt',
      code: `${pod('      securityContext: {readOnlyRootFilesystem: true}\n')}  ephemeralContainers: [{name: d, image: "busybox:1"}]\n`,
    },
    { name: 'nothing stated: listed by k8s/require-security-context', code: pod() },
  ],
  invalid: [
    {
      name: 'unset, the only restricted setting missing',
      code: pod(
        '      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n',
        POD_HARDENED,
      ),
      errors: [{ line: 10, column: 7, endLine: 10, endColumn: 22 }],
    },
    {
      name: 'securityContext without it',
      code: pod(
        '      securityContext: {runAsUser: 1, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n',
        '  securityContext: {seccompProfile: {type: RuntimeDefault}}\n',
      ),
      errors: [{ line: 10, column: 7, endLine: 10, endColumn: 22 }],
    },
    {
      name: 'explicitly false, whatever else is missing',
      code: pod('      securityContext: {readOnlyRootFilesystem: false}\n'),
      errors: [{ line: 9, column: 49, endLine: 9, endColumn: 54 }],
    },
  ],
});
