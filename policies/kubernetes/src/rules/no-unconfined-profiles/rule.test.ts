import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'nothing set', code: pod() },
    {
      name: 'container overrides pod',
      code: pod(
        '      securityContext: {seccompProfile: {type: RuntimeDefault}}\n',
        '  securityContext: {seccompProfile: {type: Unconfined}}\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'container AppArmor field',
      code: pod('      securityContext:\n        appArmorProfile: {type: Unconfined}\n'),
      errors: [{ line: 10, column: 33, endLine: 10, endColumn: 43, message: 'AppArmor disabled' }],
    },
    {
      name: 'legacy annotations',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: unconfined\n    seccomp.security.alpha.kubernetes.io/pod: unconfined\nspec:\n  containers: [{name: app, image: "a:1"}]\n',
      errors: [
        { line: 6, column: 57, endLine: 6, endColumn: 67, message: 'AppArmor' },
        { line: 7, column: 47, endLine: 7, endColumn: 57, message: 'seccomp' },
      ],
    },
  ],
});
