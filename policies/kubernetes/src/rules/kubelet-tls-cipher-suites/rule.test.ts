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
    { name: 'hardened kubelet configuration (AEAD suites only)', ...kubeletFile, code: HARDENED_KUBELET },
    { name: 'kubeadm configuration (Go defaults)', filename: 'kubeadm-config.yaml', code: KUBEADM_CONFIG },
    {
      name: 'TLS 1.3 suite names',
      ...kubeletFile,
      code: kubelet('tlsCipherSuites: [TLS_AES_128_GCM_SHA256, TLS_CHACHA20_POLY1305_SHA256]\n'),
    },
  ],
  invalid: [
    {
      name: 'kubeadm flag: a comma-separated list, each weak suite reported on it',
      filename: 'kubeadm/init.yaml',
      code: 'apiVersion: kubeadm.k8s.io/v1beta3\nkind: InitConfiguration\nnodeRegistration:\n  kubeletExtraArgs:\n    tls-cipher-suites: "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"\n',
      errors: [
        {
          line: 5,
          column: 24,
          endLine: 5,
          endColumn: 98,
          message: '`TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA` (CBC mode',
        },
      ],
    },
    {
      name: 'hand-provisioned worker: one finding per weak suite',
      ...kubeletFile,
      code: LEGACY_KUBELET,
      errors: [
        {
          line: 22,
          column: 5,
          endLine: 22,
          endColumn: 39,
          message: '`TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA` (CBC mode without AEAD)',
        },
        { line: 23, column: 5, endLine: 23, endColumn: 34, message: '(3DES: 64-bit blocks, Sweet32).' },
      ],
    },
    {
      name: 'flow list with RC4',
      ...kubeletFile,
      code: kubelet(
        'tlsCipherSuites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_RC4_128_SHA]\n',
      ),
      errors: [{ line: 3, column: 58, endLine: 3, endColumn: 88, message: 'RC4 is broken' }],
    },
  ],
});
