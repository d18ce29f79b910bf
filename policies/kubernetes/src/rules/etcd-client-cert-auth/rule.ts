import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { controlPlaneContainers, describe, flagIsTrue, reportFlag } from '../../control-plane.js';
import { k8sDomain } from '../../domain.js';

export default defineRule<K8sObject>({
  id: 'k8s/etcd-client-cert-auth',
  domain: k8sDomain,
  meta: {
    title: 'etcd accepts clients without a trusted certificate',
    description:
      'An etcd static pod runs without `--client-cert-auth=true`, or with `--auto-tls=true` (a self-signed server certificate that clients cannot verify). Opt-in (the strict preset turns it on).',
    rationale:
      'High: etcd holds every object of the cluster, secrets included, in the clear unless encryption at rest is configured; a client that reaches port 2379 without a certificate signed by the trusted CA reads and writes all of it (CIS Kubernetes 2.2 and 2.3).',
    remediation:
      'Set `--client-cert-auth=true` with `--trusted-ca-file`, give etcd a certificate of your CA with `--cert-file`/`--key-file`, and remove `--auto-tls` (kubeadm does all of this by default).',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    optIn: true,
    aliases: ['CKV_K8S_117', 'CKV_K8S_118'],
    references: ['https://etcd.io/docs/v3.5/op-guide/security/'],
    examples: {
      invalid: [
        {
          filename: 'manifests/etcd.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: etcd\n  namespace: kube-system\nspec:\n  containers:\n  - command:\n    - etcd\n    - --data-dir=/var/lib/etcd\n    - --client-cert-auth=false\n    image: registry.k8s.io/etcd:3.5.12-0\n    name: etcd\n',
          errors: [{ line: 11, column: 7, endLine: 11, endColumn: 31 }],
        },
      ],
      valid: [
        {
          filename: 'manifests/etcd.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: etcd\n  namespace: kube-system\nspec:\n  containers:\n  - command:\n    - etcd\n    - --data-dir=/var/lib/etcd\n    - --client-cert-auth=true\n    - --trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt\n    image: registry.k8s.io/etcd:3.5.12-0\n    name: etcd\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const cp of controlPlaneContainers(object)) {
      if (cp.component !== 'etcd') continue;
      const auth = cp.flags.get('client-cert-auth');
      if (!flagIsTrue(auth)) {
        const how = auth
          ? `sets \`--client-cert-auth=${auth.value}\``
          : 'runs without `--client-cert-auth=true`';
        reportFlag(
          ctx,
          cp,
          auth,
          `${describe(cp)} ${how}: any client that reaches it reads and writes the cluster’s data.`,
          'client-cert-auth',
        );
      }
      const autoTls = cp.flags.get('auto-tls');
      if (flagIsTrue(autoTls))
        reportFlag(
          ctx,
          cp,
          autoTls,
          `${describe(cp)} sets \`--auto-tls\`: its self-signed certificate lets clients verify nothing.`,
          'auto-tls',
        );
    }
  },
});
