import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import {
  isFalse,
  isKubeletConfiguration,
  KUBELET,
  kubeletField,
  reportKubelet,
} from '../../kubelet-config.js';

export default defineRule<K8sObject>({
  id: 'k8s/kubelet-certificate-rotation',
  domain: k8sDomain,
  meta: {
    title: 'Kubelet certificate rotation turned off',
    description:
      'A kubelet configuration file sets `rotateCertificates: false` (client certificate) or the feature gate `RotateKubeletServerCertificate: false` (serving certificate): the kubelet keeps its certificates until they expire instead of renewing them through the certificates API. Opt-in (on in the strict preset).',
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
    if (!isKubeletConfiguration(object)) return;
    const client = kubeletField(object, ['rotateCertificates']);
    if (client && isFalse(client.value))
      reportKubelet(
        ctx,
        object,
        client.at,
        `${KUBELET} sets \`rotateCertificates: false\`: the kubelet’s client certificate is never renewed.`,
        'rotate-certificates',
      );
    const server = kubeletField(object, ['featureGates', 'RotateKubeletServerCertificate']);
    if (server && isFalse(server.value))
      reportKubelet(
        ctx,
        object,
        server.at,
        `${KUBELET} turns off the \`RotateKubeletServerCertificate\` feature gate: the kubelet’s serving certificate is never renewed.`,
        'rotate-server-certificate',
      );
  },
});
