import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    pod(
      '',
      '  volumes:\n    - name: cache\n      emptyDir: {}\n    - name: token\n      projected:\n        sources: [{serviceAccountToken: {path: token}}]\n    - name: store\n      csi: {driver: secrets-store.csi.k8s.io}\n',
    ),
    {
      name: 'hostPath is another rule',
      code: pod('', '  volumes:\n    - name: logs\n      hostPath: {path: /var/log}\n'),
    },
  ],
  invalid: [
    {
      name: 'gitRepo in a Deployment',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: docs\nspec:\n  selector:\n    matchLabels: {app: docs}\n  template:\n    metadata:\n      labels: {app: docs}\n    spec:\n      containers:\n        - name: docs\n          image: nginx:1.27\n      volumes:\n        - name: site\n          gitRepo:\n            repository: https://git.example.com/docs.git\n',
      errors: [
        {
          line: 17,
          column: 11,
          endLine: 17,
          endColumn: 18,
          message: 'Deployment `docs` mounts volume `site` of type `gitRepo`.',
        },
      ],
    },
  ],
});
