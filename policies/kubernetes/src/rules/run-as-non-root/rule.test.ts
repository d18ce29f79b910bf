import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'container runAsUser', code: pod('      securityContext: {runAsUser: 1000}\n') },
    { name: 'pod runAsNonRoot', code: pod('', '  securityContext: {runAsNonRoot: true}\n') },
    { name: 'explicit root is another rule', code: pod('      securityContext: {runAsUser: 0}\n') },
    { name: 'nothing stated: listed by k8s/require-security-context', code: pod() },
  ],
  invalid: [
    {
      name: 'unset, the only restricted setting missing',
      code: pod(
        '      securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n',
        '  securityContext: {seccompProfile: {type: RuntimeDefault}}\n',
      ),
      errors: [{ line: 8, column: 7, endLine: 8, endColumn: 16 }],
    },
    {
      name: 'container overrides the pod with false',
      code: pod(
        '      securityContext: {runAsNonRoot: false}\n',
        '  securityContext: {runAsNonRoot: true}\n',
      ),
      errors: [{ line: 10, column: 39, endLine: 10, endColumn: 44 }],
    },
    {
      name: 'pod false reported once for two containers',
      code: `${pod('', '  securityContext:\n    runAsNonRoot: false\n')}    - name: b\n      image: b:1\n`,
      errors: [{ line: 7, column: 19, endLine: 7, endColumn: 24 }],
    },
  ],
});
