import { defineRule } from '@plumbline/core';
import { asArray, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { isKubeletConfiguration, KUBELET, kubeadmKubeletFlag, reportKubelet } from '../../kubelet-config.js';

/**
 * Why a cipher suite (Go's IANA names, as the kubelet takes them) is weak, or undefined: RC4 and
 * 3DES are broken ciphers, CBC suites are the padding-oracle family TLS 1.3 dropped. Suites with
 * AES-GCM or ChaCha20-Poly1305 (AEAD) pass.
 */
function weakness(suite: string): string | undefined {
  const name = suite.toUpperCase();
  if (name.includes('RC4')) return 'RC4 is broken';
  if (name.includes('3DES')) return '3DES: 64-bit blocks, Sweet32';
  if (name.includes('_CBC_')) return 'CBC mode without AEAD';
  if (name.includes('NULL') || name.includes('EXPORT')) return 'no or export-grade encryption';
  return undefined;
}

export default defineRule<K8sObject>({
  id: 'k8s/kubelet-tls-cipher-suites',
  domain: k8sDomain,
  meta: {
    title: 'Kubelet offers weak TLS cipher suites',
    description:
      'A kubelet configuration file lists a weak suite in `tlsCipherSuites` (RC4, 3DES or CBC mode): the kubelet API accepts it from any client that asks. A kubeadm `InitConfiguration` or `JoinConfiguration` that passes the kubelet `--tls-cipher-suites` with a weak suite through `nodeRegistration.kubeletExtraArgs` is reported too: the flag overrides the file. Opt-in (on in the strict preset).',
    rationale:
      'Medium: a suite without authenticated encryption exposes the kubelet’s traffic — exec streams, logs, the API server’s credentials — to the attacks that retired those suites (CIS Kubernetes 4.2.13 asks for strong ciphers only). Each weak suite is reported on its line. A file without `tlsCipherSuites` uses Go’s defaults, which prefer AEAD suites, and is not reported.',
    remediation:
      'List only ECDHE suites with AES-GCM or ChaCha20-Poly1305 (e.g. `TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256`, `TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384`, `TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305`), or set `tlsMinVersion: VersionTLS13`.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    optIn: true,
    aliases: ['CKV_K8S_151', 'KCV-0092'],
    references: [
      'https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/',
      'https://pkg.go.dev/crypto/tls#pkg-constants',
    ],
    examples: {
      invalid: [
        {
          filename: 'nodes/kubelet-config.yaml',
          code: 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ntlsCipherSuites:\n  - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n  - TLS_RSA_WITH_3DES_EDE_CBC_SHA\n',
          errors: [{ line: 5, column: 5, endLine: 5, endColumn: 34 }],
        },
      ],
      valid: [
        {
          filename: 'nodes/kubelet-config.yaml',
          code: 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ntlsCipherSuites:\n  - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n  - TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const flag = kubeadmKubeletFlag(object, 'tls-cipher-suites');
    // A kubeadm flag is one comma-separated value: each weak suite is reported on it.
    if (flag && typeof flag.value === 'string')
      for (const suite of flag.value.split(',').map((s) => s.trim())) {
        const why = weakness(suite);
        if (why)
          reportKubelet(
            ctx,
            object,
            flag.at,
            `The ${object.kind} passes the kubelet the cipher suite \`${suite}\` (${why}).`,
            `tls-cipher:${suite}`,
          );
      }
    if (!isKubeletConfiguration(object)) return;
    asArray(object.get(['tlsCipherSuites'])).forEach((suite, i) => {
      if (typeof suite !== 'string') return;
      const why = weakness(suite);
      const at = object.at(['tlsCipherSuites', i]);
      if (!why || !at) return;
      reportKubelet(
        ctx,
        object,
        at,
        `${KUBELET} offers the cipher suite \`${suite}\` (${why}).`,
        `tls-cipher:${suite}`,
      );
    });
  },
});
