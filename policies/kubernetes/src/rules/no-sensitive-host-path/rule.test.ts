import { HARDENED, pod, tester } from '../../test-kit.js';
import rule from './rule.js';

const vol = (path: string) => pod('', `  volumes:\n    - name: v\n      hostPath: {path: ${path}}\n`);

tester.run(rule, {
  valid: [
    { name: 'hardened deployment', code: HARDENED },
    { name: 'an application data folder', code: vol('/data/app') },
    { name: 'a non-runtime socket', code: vol('/var/run/app/app.sock') },
    { name: 'log folder', code: vol('/var/log/pods') },
    { name: 'a CSI driver registration folder', code: vol('/var/lib/kubelet/plugins/csi.example.com') },
  ],
  invalid: [
    {
      name: 'root',
      code: vol('/'),
      errors: [{ line: 8, column: 24, endLine: 8, endColumn: 25, message: "mounts the node's `/`" }],
    },
    {
      name: 'etc with slash',
      code: vol('/etc/'),
      errors: [{ line: 8, column: 24, endLine: 8, endColumn: 29 }],
    },
    {
      name: 'containerd socket',
      code: vol('/run/containerd/containerd.sock'),
      errors: [{ line: 8, column: 24, endLine: 8, endColumn: 55 }],
    },
    {
      name: 'kubelet state',
      code: vol('/var/lib/kubelet/pods'),
      errors: [{ line: 8, column: 24, endLine: 8, endColumn: 45 }],
    },
    { name: 'proc', code: vol('/proc'), errors: [{ line: 8, column: 24, endLine: 8, endColumn: 29 }] },
    {
      name: 'container logs read by a log shipper (read-only: medium)',
      code: pod(
        '      volumeMounts:\n        - {name: logs, mountPath: /var/lib/docker/containers, readOnly: true}\n',
        '  volumes:\n    - name: logs\n      hostPath: {path: /var/lib/docker/containers}\n',
      ),
      errors: [{ line: 8, column: 24, endLine: 8, endColumn: 50, message: '(volume `logs`, read-only)' }],
    },
  ],
});
