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
