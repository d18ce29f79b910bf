import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { containersOf, parseImage, report } from '../../lib.js';

/** Helm 2's server, as published (`gcr.io/kubernetes-helm/tiller`, `ghcr.io/helm/tiller`) and mirrored. */
function isTiller(image: string): boolean {
  return /(^|\/)tiller$/.test(parseImage(image.trim()).name.toLowerCase());
}

export default defineRule<K8sObject>({
  id: 'k8s/no-tiller',
  domain: k8sDomain,
  meta: {
    title: 'Helm 2 Tiller deployed',
    description: 'A workload runs the Tiller image, the in-cluster server of Helm 2.',
    rationale:
      'High: Tiller usually holds cluster-admin and, as installed by default, serves an unauthenticated gRPC port that any pod of the cluster can reach, so any compromised pod can install a privileged chart. Helm 2 reached end of life in 2020 and gets no security fixes.',
    remediation:
      'Migrate the releases to Helm 3 (`helm-2to3`), which has no in-cluster component, and delete Tiller with its ServiceAccount and binding.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['KSV-0102', 'CKV_K8S_34'],
    references: ['https://helm.sh/docs/topics/v2_v3_migration/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/tiller.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: tiller-deploy\n  namespace: kube-system\nspec:\n  selector:\n    matchLabels: {app: helm, name: tiller}\n  template:\n    metadata:\n      labels: {app: helm, name: tiller}\n    spec:\n      serviceAccountName: tiller\n      containers:\n        - name: tiller\n          image: gcr.io/kubernetes-helm/tiller:v2.17.0\n',
          errors: [{ line: 16, column: 18, endLine: 16, endColumn: 55 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: helm-runner\nspec:\n  containers:\n    - name: helm\n      image: alpine/helm:3.16.2\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const c of containersOf(object, { skipPartial: false })) {
      if (!c.image || !isTiller(c.image)) continue;
      report(
        ctx,
        object,
        c.at(['image'])!,
        `The ${c.label} of ${c.pod.label} runs Helm 2 Tiller (\`${c.image}\`).`,
        c.image,
      );
    }
  },
});
