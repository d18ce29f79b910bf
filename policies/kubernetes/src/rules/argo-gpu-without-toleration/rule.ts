import { defineRule } from '@plumbline/core';
import { asArray, asObj, isArgoWorkflowKind, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { containersOf, report } from '../../lib.js';

const GPU = /(^|\/)gpu$|^nvidia\.com\/|^amd\.com\/gpu|^gpu\.intel\.com\//;

export default defineRule<K8sObject>({
  id: 'k8s/argo-gpu-without-toleration',
  domain: k8sDomain,
  meta: {
    title: 'GPU step without a toleration',
    description:
      'An Argo workflow step requests a GPU (`nvidia.com/gpu`, `amd.com/gpu`...) but neither its template nor the workflow sets `tolerations`, while GPU node pools are almost always tainted.',
    rationale:
      'Medium: the pod stays Pending until the workflow\'s deadline (or forever), blocking the pipeline; or, on untainted clusters, the GPU nodes fill with ordinary pods. Either way the expensive step does not run when it should.',
    remediation: 'Add the toleration of your GPU node pool (e.g. `{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}`) to the template or to `spec.tolerations`, plus a matching `nodeSelector`.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'medium',
    aliases: [],
    references: ['https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/'],
    examples: {
      invalid: [
        {
          filename: 'argo/train.yaml',
          code: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: train\nspec:\n  templates:\n    - name: train\n      container:\n        image: ghcr.io/org/train:1.0\n        resources:\n          limits:\n            nvidia.com/gpu: 1\n',
          errors: [{ line: 12, column: 13, endLine: 12, endColumn: 27 }],
        },
      ],
      valid: [
        {
          filename: 'argo/train.yaml',
          code: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: train\nspec:\n  tolerations:\n    - {key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}\n  templates:\n    - name: train\n      container:\n        image: ghcr.io/org/train:1.0\n        resources:\n          limits:\n            nvidia.com/gpu: 1\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (!isArgoWorkflowKind(object)) return;
    for (const c of containersOf(object, { skipPartial: false })) {
      if (asArray(c.pod.field('tolerations')?.value).length > 0) continue;
      const resources = asObj(c.data.resources);
      for (const kind of ['limits', 'requests'] as const) {
        const key = Object.keys(asObj(resources[kind])).find((k) => GPU.test(k));
        if (!key) continue;
        report(ctx, object, c.keyAt(['resources', kind, key])!, `The ${c.label} of ${c.pod.label} requests \`${key}\` but no toleration lets it onto GPU nodes.`, `${c.pod.templateName}:${c.name}`);
        break;
      }
    }
  },
});
