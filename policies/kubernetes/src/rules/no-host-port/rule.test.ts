import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'hostPort 0 means none', code: pod('      ports: [{containerPort: 80, hostPort: 0}]\n') },
  ],
  invalid: [
    {
      name: 'two ports, one on the host',
      code: pod(
        '      ports:\n        - containerPort: 80\n        - containerPort: 443\n          hostPort: 8443\n',
      ),
      errors: [{ line: 12, column: 21, endLine: 12, endColumn: 25, message: 'host port 8443' }],
    },
  ],
});
