import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { podsOf, report } from '../../lib.js';

const CONTROL_PLANE = new Set(['kube-apiserver', 'etcd', 'kube-controller-manager', 'kube-scheduler']);

export default defineRule<K8sObject>({
  id: 'k8s/no-kube-system-workloads',
  domain: k8sDomain,
  meta: {
    title: 'Workload placed in kube-system',
    description:
      'A workload is deployed into the `kube-system` namespace. Control-plane static pods (`tier: control-plane` with an apiserver, etcd, controller-manager or scheduler `component` label) are not reported. Opt-in (the strict preset turns it on).',
    rationale:
      'Low: `kube-system` holds the cluster’s own components and their credentials (bootstrap tokens, controller service accounts, cloud-provider secrets), and many policies exempt it; an application there shares that trust and escapes the namespace-level guardrails. Cluster add-ons (CNI, CSI drivers, DNS, metrics-server) do belong there, which is why the rule is opt-in and of low confidence.',
    remediation: 'Deploy applications and third-party tools into a namespace of their own.',
    category: 'security',
    severity: 'low',
    confidence: 'low',
    optIn: true,
    aliases: ['KSV-0037'],
    references: [
      'https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces',
    ],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop-api\n  namespace: kube-system\nspec:\n  selector:\n    matchLabels: {app: shop-api}\n  template:\n    metadata:\n      labels: {app: shop-api}\n    spec:\n      containers:\n        - name: api\n          image: shop-api:1.0\n',
          errors: [{ line: 5, column: 14, endLine: 5, endColumn: 25 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop-api\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: shop-api}\n  template:\n    metadata:\n      labels: {app: shop-api}\n    spec:\n      containers:\n        - name: api\n          image: shop-api:1.0\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (object.namespace !== 'kube-system') return;
    // A kustomize patch of a kube-system add-on is not a placement of its own.
    const pods = podsOf(object);
    if (pods.length === 0) return;
    const labels = { ...object.labels, ...pods[0]!.labels };
    if (labels.tier === 'control-plane' && CONTROL_PLANE.has(labels.component ?? '')) return;
    report(
      ctx,
      object,
      object.at(['metadata', 'namespace']) ?? object.nameLoc,
      `${object.kind} \`${object.name}\` runs in \`kube-system\`.`,
      'kube-system',
    );
  },
});
