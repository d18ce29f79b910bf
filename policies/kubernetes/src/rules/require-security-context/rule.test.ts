import { HARDENED, POD_HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

const ALL_FIVE =
  'leaves 5 hardening settings unset: `seccompProfile: RuntimeDefault`, `readOnlyRootFilesystem: true`, `allowPrivilegeEscalation: false`, `capabilities.drop: [ALL]` and `runAsNonRoot: true`';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    {
      name: 'one setting missing is its own rule finding',
      code: pod(
        '      securityContext: {readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}\n',
        POD_HARDENED,
      ),
    },
    {
      name: 'bad values are their own rules findings',
      code: pod(
        '      securityContext: {readOnlyRootFilesystem: false, allowPrivilegeEscalation: true, capabilities: {drop: [NET_RAW]}}\n',
        '  securityContext: {runAsNonRoot: false, seccompProfile: {type: Unconfined}}\n',
      ),
    },
    { name: 'windows pod', code: pod('', '  os: {name: windows}\n') },
    {
      name: 'ephemeral container missing only the read-only root (which does not apply to it)',
      code: `${pod(
        '      securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n',
        POD_HARDENED,
      )}  ephemeralContainers:\n    - name: debug\n      image: busybox:1.36\n      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n`,
    },
    {
      name: 'Kustomize patch (a fragment)',
      filename: 'overlays/prod/patch.yaml',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: api:2\n',
      files: {
        'overlays/prod/kustomization.yaml': 'resources: [../../base]\npatches:\n  - path: patch.yaml\n',
      },
    },
  ],
  invalid: [
    {
      name: 'nothing stated: one finding listing all five',
      code: pod(),
      errors: [{ line: 7, column: 7, endLine: 7, endColumn: 16, message: ALL_FIVE }],
    },
    {
      name: 'securityContext with none of the container settings: points at it',
      code: pod('      securityContext:\n        runAsNonRoot: true\n'),
      errors: [
        {
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 22,
          message:
            'leaves 4 hardening settings unset: `seccompProfile: RuntimeDefault`, `readOnlyRootFilesystem: true`, `allowPrivilegeEscalation: false` and `capabilities.drop: [ALL]`',
        },
      ],
    },
    {
      name: 'capabilities without drop counts as unset',
      code: pod('      securityContext:\n        capabilities:\n          add: [CHOWN]\n'),
      errors: [{ line: 9, column: 7, endLine: 9, endColumn: 22, message: '`capabilities.drop: [ALL]`' }],
    },
    {
      name: 'a non-root runAsUser states the user',
      code: pod('      securityContext: {runAsUser: 1}\n'),
      errors: [{ line: 9, column: 7, endLine: 9, endColumn: 22, message: 'leaves 4 hardening settings' }],
    },
    {
      name: 'two missing',
      code: pod('      securityContext: {readOnlyRootFilesystem: true}\n', POD_HARDENED),
      errors: [
        {
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 22,
          message:
            'The container `app` of Pod `app` leaves 2 hardening settings unset: `allowPrivilegeEscalation: false` and `capabilities.drop: [ALL]`.',
        },
      ],
    },
    {
      name: 'init and regular containers, one finding each',
      code: pod('', '  initContainers:\n    - name: init\n      image: i:1\n'),
      errors: [
        { line: 7, column: 7, endLine: 7, endColumn: 17, message: 'init container `init`' },
        { line: 10, column: 7, endLine: 10, endColumn: 16, message: 'container `app`' },
      ],
    },
  ],
});
