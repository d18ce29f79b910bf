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
    {
      name: 'kubeadm configuration (rotateCertificates: true)',
      filename: 'kubeadm-config.yaml',
      code: KUBEADM_CONFIG,
    },
    { name: 'unset: CIS accepts the default', ...kubeletFile, code: kubelet('cgroupDriver: systemd\n') },
    {
      name: 'other feature gates turned off',
      ...kubeletFile,
      code: kubelet('featureGates:\n  GracefulNodeShutdown: false\n'),
    },
  ],
  invalid: [
    {
      name: 'hand-provisioned worker: client and serving certificates',
      ...kubeletFile,
      code: LEGACY_KUBELET,
      errors: [
        { line: 17, column: 21, endLine: 17, endColumn: 26, message: 'sets `rotateCertificates: false`' },
        {
          line: 19,
          column: 35,
          endLine: 19,
          endColumn: 40,
          message: '`RotateKubeletServerCertificate` feature gate',
        },
      ],
    },
  ],
});
