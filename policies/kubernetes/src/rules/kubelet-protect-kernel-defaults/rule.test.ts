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
    {
      name: 'kubeadm flag true',
      filename: 'kubeadm/init.yaml',
      code: 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: InitConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    protect-kernel-defaults: "true"\n',
    },
    { name: 'hardened kubelet configuration', ...kubeletFile, code: HARDENED_KUBELET },
    {
      name: 'kubeadm InitConfiguration alone is not a kubelet configuration',
      filename: 'kubeadm-init.yaml',
      code: 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: InitConfiguration\nnodeRegistration:\n  criSocket: unix:///run/containerd/containerd.sock\n',
    },
  ],
  invalid: [
    {
      name: 'kubeadm flag false',
      filename: 'kubeadm/init.yaml',
      code: 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: InitConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    protect-kernel-defaults: "false"\n',
      errors: [{ line: 5, column: 30, endLine: 5, endColumn: 37 }],
    },
    {
      name: 'hand-provisioned worker: explicit false',
      ...kubeletFile,
      code: LEGACY_KUBELET,
      errors: [
        { line: 16, column: 24, endLine: 16, endColumn: 29, message: 'sets `protectKernelDefaults: false`' },
      ],
    },
    {
      name: 'kubeadm configuration leaves it unset: reported on the kind line of the kubelet document',
      filename: 'kubeadm-config.yaml',
      code: KUBEADM_CONFIG,
      errors: [
        {
          line: 37,
          column: 1,
          endLine: 37,
          endColumn: 5,
          message: 'leaves `protectKernelDefaults` unset (false)',
        },
      ],
    },
    {
      name: 'quoted false',
      ...kubeletFile,
      code: kubelet('protectKernelDefaults: "false"\n'),
      errors: [{ line: 3, column: 24, endLine: 3, endColumn: 31 }],
    },
  ],
});
