import { tester } from '../../test-kit.js';
import {
  HARDENED_KUBELET,
  KUBEADM_CONFIG,
  kubelet,
  kubeletFile,
  LEGACY_KUBELET,
} from '../../test-kubelet.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    { name: 'hardened kubelet configuration', ...kubeletFile, code: HARDENED_KUBELET },
    { name: 'kubeadm configuration (Webhook)', filename: 'kubeadm-config.yaml', code: KUBEADM_CONFIG },
    {
      name: 'unset: a configuration file defaults to Webhook',
      ...kubeletFile,
      code: kubelet('maxPods: 110\n'),
    },
  ],
  invalid: [
    {
      name: 'kubeadm v1beta4 kubeletExtraArgs (a name/value list)',
      filename: 'kubeadm/join.yaml',
      code: 'apiVersion: kubeadm.k8s.io/v1beta4\nkind: JoinConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    - name: authorization-mode\n      value: AlwaysAllow\n',
      errors: [
        {
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 25,
          message: 'The JoinConfiguration passes the kubelet `--authorization-mode=AlwaysAllow`',
        },
      ],
    },
    {
      name: 'hand-provisioned worker',
      ...kubeletFile,
      code: LEGACY_KUBELET,
      errors: [
        {
          line: 14,
          column: 9,
          endLine: 14,
          endColumn: 20,
          message: 'sets `authorization.mode: AlwaysAllow`: any caller the kubelet accepts may exec',
        },
      ],
    },
    {
      name: 'second document of a multi-document file',
      filename: 'kubeadm-config.yaml',
      code:
        'apiVersion: kubeadm.k8s.io/v1beta3\nkind: JoinConfiguration\ndiscovery:\n  bootstrapToken:\n    apiServerEndpoint: 10.20.0.11:6443\n---\n' +
        kubelet('authorization:\n  mode: "AlwaysAllow"\n'),
      errors: [{ line: 10, column: 9, endLine: 10, endColumn: 22 }],
    },
  ],
});
