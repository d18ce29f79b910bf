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
    { name: 'kubeadm configuration (unset: true)', filename: 'kubeadm-config.yaml', code: KUBEADM_CONFIG },
    { name: 'explicit true', ...kubeletFile, code: kubelet('makeIPTablesUtilChains: true\n') },
  ],
  invalid: [
    {
      name: 'kubeadm flag false',
      filename: 'kubeadm/init.yaml',
      code: 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: InitConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    make-iptables-util-chains: "false"\n',
      errors: [{ line: 5, column: 32, endLine: 5, endColumn: 39 }],
    },
    {
      name: 'hand-provisioned worker',
      ...kubeletFile,
      code: LEGACY_KUBELET,
      errors: [
        { line: 15, column: 25, endLine: 15, endColumn: 30, message: 'sets `makeIPTablesUtilChains: false`' },
      ],
    },
  ],
});
