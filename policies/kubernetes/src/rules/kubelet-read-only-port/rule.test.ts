import { tester } from '../../test-kit.js';
import {
  HARDENED_KUBELET,
  JOIN_GPU_WORKER,
  KUBEADM_CONFIG,
  kubelet,
  kubeletFile,
  LEGACY_KUBELET,
} from '../../test-kubelet.js';
import rule from './rule.js';

tester.run(rule, {
  valid: [
    {
      name: 'kubeadm list: the last value wins',
      filename: 'kubeadm/join.yaml',
      code: 'apiVersion: kubeadm.k8s.io/v1beta4\nkind: JoinConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    - name: read-only-port\n      value: "10255"\n    - name: read-only-port\n      value: "0"\n',
    },
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
      name: 'GPU worker joined with the read-only port for a monitoring agent',
      filename: 'kubeadm/nodes/join-gpu-worker.yaml',
      code: JOIN_GPU_WORKER,
      errors: [
        {
          line: 14,
          column: 14,
          endLine: 14,
          endColumn: 21,
          message: 'passes the kubelet `--read-only-port=10255`',
        },
      ],
    },
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
