import { HARDENED, tester } from '../../test-kit.js';
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
    {
      name: 'kubeadm flag false',
      filename: 'kubeadm/init.yaml',
      code: 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: InitConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    anonymous-auth: "false"\n',
    },
    { name: 'hardened kubelet configuration', ...kubeletFile, code: HARDENED_KUBELET },
    { name: 'kubeadm configuration (anonymous off)', filename: 'kubeadm-config.yaml', code: KUBEADM_CONFIG },
    {
      name: 'unset: a configuration file defaults to off',
      ...kubeletFile,
      code: kubelet('cgroupDriver: systemd\n'),
    },
    { name: 'a workload is not a kubelet configuration', code: HARDENED },
    {
      name: 'another kind with the same field',
      code: 'apiVersion: example.com/v1\nkind: KubeletConfiguration\nauthentication:\n  anonymous:\n    enabled: true\n',
    },
  ],
  invalid: [
    {
      name: 'kubeadm v1beta3 kubeletExtraArgs (a map) overrides the file',
      filename: 'kubeadm/init.yaml',
      code: 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: InitConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    anonymous-auth: "true"\n',
      errors: [
        {
          line: 5,
          column: 21,
          endLine: 5,
          endColumn: 27,
          message:
            'The InitConfiguration passes the kubelet `--anonymous-auth=true`: requests without credentials',
        },
      ],
    },
    {
      name: 'hand-provisioned worker',
      ...kubeletFile,
      code: LEGACY_KUBELET,
      errors: [
        {
          line: 10,
          column: 14,
          endLine: 10,
          endColumn: 18,
          message: 'The KubeletConfiguration sets `authentication.anonymous.enabled: true`',
        },
      ],
    },
    {
      name: 'JSON form',
      filename: 'nodes/kubelet-config.json',
      code: '{\n  "kind": "KubeletConfiguration",\n  "apiVersion": "kubelet.config.k8s.io/v1beta1",\n  "authentication": {"anonymous": {"enabled": true}}\n}\n',
      errors: [{ line: 4, column: 47, endLine: 4, endColumn: 51 }],
    },
  ],
});
