import { HARDENED, tester } from '../../test-kit.js';
import { KUBEADM_ETCD, staticPod } from '../../test-static-pods.js';
import rule from './rule.js';

const IMAGE = 'registry.k8s.io/etcd:3.5.12-0';
const without = (flag: string) => KUBEADM_ETCD.filter((f) => !f.startsWith(`--${flag}`));

tester.run(rule, {
  valid: [
    { name: 'kubeadm etcd', code: staticPod('etcd', KUBEADM_ETCD, IMAGE) },
    {
      name: 'auto-tls explicitly off',
      code: staticPod('etcd', [...KUBEADM_ETCD, '--auto-tls=false'], IMAGE),
    },
    { name: 'not a control-plane pod', code: HARDENED },
  ],
  invalid: [
    {
      name: 'flag missing',
      code: staticPod('etcd', without('client-cert-auth'), IMAGE),
      errors: [
        {
          line: 11,
          column: 5,
          endLine: 11,
          endColumn: 12,
          message: '`etcd` (container `etcd` of Pod `etcd`) runs without `--client-cert-auth=true`',
        },
      ],
    },
    {
      name: 'client-cert-auth on, but auto-tls (bare flag, last item)',
      code: staticPod('etcd', [...KUBEADM_ETCD, '--auto-tls'], IMAGE),
      errors: [{ line: 28, column: 7, endLine: 28, endColumn: 17, message: 'sets `--auto-tls`' }],
    },
    {
      name: 'both',
      code: staticPod('etcd', ['--client-cert-auth=false', '--auto-tls=true'], IMAGE),
      errors: [
        { line: 13, column: 7, endLine: 13, endColumn: 31, message: 'sets `--client-cert-auth=false`' },
        { line: 14, column: 7, endLine: 14, endColumn: 22 },
      ],
    },
  ],
});
