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
    { name: 'hardened kubelet configuration (0)', ...kubeletFile, code: HARDENED_KUBELET },
    { name: 'kubeadm configuration (unset: 0)', filename: 'kubeadm-config.yaml', code: KUBEADM_CONFIG },
    {
      name: 'templated value is not guessed at',
      ...kubeletFile,
      code: kubelet('readOnlyPort: ${READ_ONLY_PORT}\n'),
    },
  ],
  invalid: [
    {
      name: 'hand-provisioned worker',
      ...kubeletFile,
      code: LEGACY_KUBELET,
      errors: [{ line: 7, column: 15, endLine: 7, endColumn: 20, message: 'sets `readOnlyPort: 10255`' }],
    },
    {
      name: 'quoted port',
      ...kubeletFile,
      code: kubelet('readOnlyPort: "10255"\n'),
      errors: [{ line: 3, column: 15, endLine: 3, endColumn: 22 }],
    },
  ],
});
