import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import {
  isFalse,
  isKubeletConfiguration,
  KUBELET,
  type KubeletField,
  kubeadmKubeletFlag,
  kubeletField,
  kubeletSetting,
  reportKubelet,
} from '../../kubelet-config.js';

/** One gate of a `--feature-gates=A=true,B=false` flag, pointing at the whole flag value. */
function gateOfFlag(flag: KubeletField | undefined, gate: string): KubeletField | undefined {
  if (typeof flag?.value !== 'string') return undefined;
  for (const pair of flag.value.split(',')) {
    const [name, value] = pair.split('=').map((part) => part.trim());
    if (name === gate) return { value, at: flag.at };
  }
  return undefined;
}

export default defineRule<K8sObject>({
  id: 'k8s/kubelet-certificate-rotation',
  domain: k8sDomain,
  meta: {
    title: 'Kubelet certificate rotation turned off',
    description:
      'A kubelet configuration file sets `rotateCertificates: false` (client certificate) or the feature gate `RotateKubeletServerCertificate: false` (serving certificate): the kubelet keeps its certificates until they expire instead of renewing them through the certificates API. A kubeadm `InitConfiguration` or `JoinConfiguration` that passes the kubelet `--rotate-certificates=false`, `--feature-gates=RotateKubeletServerCertificate=false` through `nodeRegistration.kubeletExtraArgs` is reported too: the flag overrides the file. Opt-in (on in the strict preset).',
    rationale:
      'Low: certificates that are never rotated live long (and are usually issued for long because of it), so a stolen node key stays useful; when they do expire, the node drops out of the cluster (CIS Kubernetes 4.2.11 and 4.2.12). Only an explicit `false` is reported: CIS accepts the settings left unset, and kubeadm sets `rotateCertificates: true`.',
    remediation:
      'Remove `rotateCertificates: false` (kubeadm sets `true`) and the `RotateKubeletServerCertificate: false` feature gate; for serving certificates signed by the cluster CA, set `serverTLSBootstrap: true` and approve the kubelet-serving CSRs.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    optIn: true,
    aliases: ['CKV_K8S_149', 'CKV_K8S_150', 'KCV-0090', 'KCV-0091'],
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/kubelet-tls-bootstrapping/#certificate-rotation',
      'https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/',
    ],
    examples: {
      invalid: [
        {
          filename: 'nodes/kubelet-config.yaml',
          code: 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nrotateCertificates: false\nfeatureGates:\n  RotateKubeletServerCertificate: false\n',
          errors: [
            { line: 3, column: 21, endLine: 3, endColumn: 26 },
            { line: 5, column: 35, endLine: 5, endColumn: 40 },
          ],
        },
      ],
      valid: [
        {
          filename: 'nodes/kubelet-config.yaml',
          code: 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nrotateCertificates: true\nserverTLSBootstrap: true\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const client = kubeletSetting(object, ['rotateCertificates'], 'rotate-certificates');
    if (client && isFalse(client.value))
      reportKubelet(
        ctx,
        object,
        client.at,
        `${client.says}: the kubelet’s client certificate is never renewed.`,
        'rotate-certificates',
      );
    const server = isKubeletConfiguration(object)
      ? kubeletField(object, ['featureGates', 'RotateKubeletServerCertificate'])
      : gateOfFlag(kubeadmKubeletFlag(object, 'feature-gates'), 'RotateKubeletServerCertificate');
    if (server && isFalse(server.value))
      reportKubelet(
        ctx,
        object,
        server.at,
        `${isKubeletConfiguration(object) ? KUBELET : `The ${object.kind}`} turns off the \`RotateKubeletServerCertificate\` feature gate: the kubelet’s serving certificate is never renewed.`,
        'rotate-server-certificate',
      );
  },
});
