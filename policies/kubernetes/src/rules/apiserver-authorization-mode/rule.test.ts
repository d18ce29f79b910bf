import { HARDENED, tester } from '../../test-kit.js';
import { HARDENED_APISERVER, KUBEADM_APISERVER, staticPod } from '../../test-static-pods.js';
import rule from './rule.js';

const manifest = { filename: 'etc/kubernetes/manifests/kube-apiserver.yaml' };
const withMode = (mode: string) =>
  KUBEADM_APISERVER.map((f) => (f.startsWith('--authorization-mode') ? `--authorization-mode=${mode}` : f));

tester.run(rule, {
  valid: [
    { name: 'kubeadm default Node,RBAC', ...manifest, code: staticPod('kube-apiserver', KUBEADM_APISERVER) },
    { name: 'hardened', ...manifest, code: staticPod('kube-apiserver', HARDENED_APISERVER) },
    {
      name: 'with a webhook after them',
      ...manifest,
      code: staticPod('kube-apiserver', withMode('Node,RBAC,Webhook')),
    },
    {
      name: 'structured authorization config',
      ...manifest,
      code: staticPod(
        'kube-apiserver',
        KUBEADM_APISERVER.filter((f) => !f.startsWith('--authorization-mode')).concat(
          '--authorization-config=/etc/kubernetes/authz.yaml',
        ),
      ),
    },
    { name: 'not a control-plane pod', code: HARDENED },
  ],
  invalid: [
    {
      name: 'AlwaysAllow (line 15 is the third flag)',
      ...manifest,
      code: staticPod('kube-apiserver', withMode('AlwaysAllow')),
      errors: [
        {
          line: 15,
          column: 7,
          endLine: 15,
          endColumn: 39,
          message:
            '`--authorization-mode=AlwaysAllow` lists `AlwaysAllow`, which lets every request do anything and leaves out `Node` and `RBAC`.',
        },
      ],
    },
    {
      name: 'RBAC alone',
      ...manifest,
      code: staticPod('kube-apiserver', withMode('RBAC')),
      errors: [{ line: 15, column: 7, endLine: 15, endColumn: 32, message: 'leaves out `Node`.' }],
    },
    {
      name: 'missing flag defaults to AlwaysAllow',
      ...manifest,
      code: staticPod('kube-apiserver', ['--secure-port=6443']),
      errors: [{ line: 11, column: 5, endLine: 11, endColumn: 12, message: 'whose default `AlwaysAllow`' }],
    },
    {
      name: 'separate value form',
      ...manifest,
      code: staticPod('kube-apiserver', ['--authorization-mode', 'Node,AlwaysAllow,RBAC']),
      errors: [{ line: 13, column: 7, endLine: 13, endColumn: 27, message: 'lists `AlwaysAllow`' }],
    },
  ],
});
