import { HARDENED, tester } from '../../test-kit.js';
import { HARDENED_APISERVER, KUBEADM_APISERVER, staticPod } from '../../test-static-pods.js';
import rule from './rule.js';

const OLD = 'registry.k8s.io/kube-apiserver:v1.19.16';

tester.run(rule, {
  valid: [
    { name: 'kubeadm 1.30', code: staticPod('kube-apiserver', KUBEADM_APISERVER) },
    { name: 'hardened', code: staticPod('kube-apiserver', HARDENED_APISERVER) },
    {
      name: 'old kubeadm: insecure port closed, bind address irrelevant',
      code: staticPod(
        'kube-apiserver',
        ['--insecure-port=0', '--insecure-bind-address=127.0.0.1', '--kubelet-https=true'],
        OLD,
      ),
    },
    { name: 'not a control-plane pod', code: HARDENED },
  ],
  invalid: [
    {
      name: 'open insecure port on every interface',
      code: staticPod('kube-apiserver', ['--insecure-bind-address=0.0.0.0', '--insecure-port=8080'], OLD),
      errors: [
        {
          line: 14,
          column: 7,
          endLine: 14,
          endColumn: 27,
          message: 'sets `--insecure-port=8080`: requests on it skip authentication and authorization.',
        },
      ],
    },
    {
      name: 'bind address with the default port',
      code: staticPod('kube-apiserver', ['--secure-port=6443', '--insecure-bind-address', '0.0.0.0'], OLD),
      errors: [{ line: 14, column: 7, endLine: 14, endColumn: 30, message: 'without `--insecure-port=0`' }],
    },
    {
      name: 'plain HTTP to the kubelets',
      code: staticPod('kube-apiserver', [...KUBEADM_APISERVER, '--kubelet-https=false'], OLD),
      errors: [{ line: 32, column: 7, endLine: 32, endColumn: 28, message: 'sets `--kubelet-https=false`' }],
    },
  ],
});
