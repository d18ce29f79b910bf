import { HARDENED, tester } from '../../test-kit.js';
import { HARDENED_APISERVER, KUBEADM_APISERVER, staticPod } from '../../test-static-pods.js';
import rule from './rule.js';

const manifest = { filename: 'clusters/prod/etc/kubernetes/manifests/kube-apiserver.yaml' };

tester.run(rule, {
  valid: [
    { name: 'hardened static pod', ...manifest, code: staticPod('kube-apiserver', HARDENED_APISERVER) },
    {
      name: 'structured authentication config decides anonymous access',
      ...manifest,
      code: staticPod('kube-apiserver', [
        ...KUBEADM_APISERVER,
        '--authentication-config=/etc/kubernetes/authn.yaml',
      ]),
    },
    { name: 'a Deployment that is not a control-plane pod', code: HARDENED },
    {
      name: 'a Deployment running kube-apiserver (vcluster-style) is its operator’s business',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: vc}\nspec:\n  template:\n    spec:\n      containers:\n      - name: api\n        image: registry.k8s.io/kube-apiserver:v1.30.2\n        command: [kube-apiserver, --secure-port=6443]\n',
    },
    {
      name: 'flag in the separate-value form',
      ...manifest,
      code: staticPod('kube-apiserver', [...KUBEADM_APISERVER, '--anonymous-auth', '"false"']),
    },
  ],
  invalid: [
    {
      name: 'kubeadm default: the flag is missing',
      ...manifest,
      code: staticPod('kube-apiserver', KUBEADM_APISERVER),
      errors: [
        {
          line: 11,
          column: 5,
          endLine: 11,
          endColumn: 12,
          message:
            '`kube-apiserver` (container `kube-apiserver` of Pod `kube-apiserver`) runs without `--anonymous-auth=false`',
        },
      ],
    },
    {
      name: 'explicitly true',
      ...manifest,
      code: staticPod('kube-apiserver', ['--anonymous-auth=true', ...KUBEADM_APISERVER]),
      errors: [{ line: 13, column: 7, endLine: 13, endColumn: 28, message: 'sets `--anonymous-auth=true`' }],
    },
    {
      name: 'the last of two flags wins; path of the binary; flags in args',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: apiserver\n  namespace: kube-system\nspec:\n  containers:\n    - name: apiserver\n      image: registry.k8s.io/kube-apiserver:v1.29.0\n      command: ["/usr/local/bin/kube-apiserver"]\n      args:\n        - --anonymous-auth=false\n        - --anonymous-auth=true\n',
      errors: [{ line: 13, column: 11, endLine: 13, endColumn: 32 }],
    },
    {
      name: 'hyperkube names the program in its second word',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\nspec:\n  hostNetwork: true\n  containers:\n  - name: kube-apiserver\n    image: k8s.gcr.io/hyperkube:v1.17.3\n    command:\n    - /hyperkube\n    - kube-apiserver\n    - --anonymous-auth=true\n',
      errors: [{ line: 14, column: 7, endLine: 14, endColumn: 28 }],
    },
  ],
});
