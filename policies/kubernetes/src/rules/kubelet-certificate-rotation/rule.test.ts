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
      name: 'kubeadm feature gates that leave rotation alone',
      filename: 'kubeadm/init.yaml',
      code: 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: InitConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    feature-gates: "GracefulNodeShutdown=false"\n',
    },
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
      name: 'kubeadm flags: client rotation and the serving-certificate gate',
      filename: 'kubeadm/init.yaml',
      code: 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: InitConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    rotate-certificates: "false"\n    feature-gates: "GracefulNodeShutdown=true,RotateKubeletServerCertificate=false"\n',
      errors: [
        {
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 33,
          message: 'passes the kubelet `--rotate-certificates=false`',
        },
        {
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 84,
          message: 'The InitConfiguration turns off the `RotateKubeletServerCertificate`',
        },
      ],
    },
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
