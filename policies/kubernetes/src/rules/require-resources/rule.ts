import { defineRule } from '@plumbline/core';
import { asObj, isArgoWorkflowKind, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { containersOf, list, report } from '../../lib.js';

interface Options {
  /** Also require `limits.cpu` (off by default: CPU limits throttle and most SREs leave them out). */
  requireCpuLimit: boolean;
}

const set = (v: unknown) => v !== undefined && v !== null && v !== '';

export default defineRule<K8sObject, Options>({
  id: 'k8s/require-resources',
  domain: k8sDomain,
  meta: {
    title: 'Container without CPU/memory requests or memory limit',
    description:
      'A container sets no CPU request, no memory request or no memory limit. (A limit without a request counts as both: Kubernetes copies the limit into the request.)',
    rationale:
      'Medium: without requests the scheduler packs pods blindly and the pod is first in line for eviction (BestEffort QoS); without a memory limit one leaking container can push the whole node into OOM and take its neighbours down. It is a reliability risk for the service and the node, not a direct security hole.',
    remediation:
      'Set `resources.requests.cpu`, `resources.requests.memory` and `resources.limits.memory` from observed usage (e.g. p95 of the last weeks); a CPU limit is optional (option `requireCpuLimit`).',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: [
      'CKV_K8S_10',
      'CKV_K8S_11',
      'KSV-0011',
      'CKV_K8S_12',
      'CKV_K8S_13',
      'KSV-0015',
      'KSV-0016',
      'KSV-0018',
      'kube-linter:unset-cpu-requirements',
      'kube-linter:unset-memory-requirements',
      'polaris:cpuRequestsMissing',
      'polaris:memoryRequestsMissing',
      'polaris:memoryLimitsMissing',
      'kube-score:container-resources',
    ],
    references: ['https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'],
    options: {
      schema: {
        type: 'object',
        properties: { requireCpuLimit: { type: 'boolean', description: 'Also require limits.cpu.' } },
        additionalProperties: false,
      },
      defaults: { requireCpuLimit: false },
    },
    examples: {
      invalid: [
        {
          filename: 'k8s/web.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          resources:\n            requests:\n              cpu: 100m\n',
          errors: [{ line: 11, column: 11, endLine: 11, endColumn: 20 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/web.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          resources:\n            requests: {cpu: 100m, memory: 128Mi}\n            limits: {memory: 256Mi}\n',
        },
      ],
    },
  },
  check(object, ctx) {
    // Argo workflow templates have their own rule (k8s/argo-workflow-template-resources).
    if (isArgoWorkflowKind(object)) return;
    for (const c of containersOf(object, { kinds: ['container', 'init'] })) {
      const resources = asObj(c.data.resources);
      const requests = asObj(resources.requests);
      const limits = asObj(resources.limits);
      const missing: string[] = [];
      if (!set(requests.cpu) && !set(limits.cpu)) missing.push('CPU request');
      if (ctx.options.requireCpuLimit && !set(limits.cpu)) missing.push('CPU limit');
      if (!set(requests.memory) && !set(limits.memory)) missing.push('memory request');
      if (!set(limits.memory)) missing.push('memory limit');
      if (missing.length === 0) continue;
      const at = c.keyAt(['resources']) ?? c.anchor;
      report(
        ctx,
        object,
        at,
        `The ${c.label} of ${c.pod.label} sets no ${list(missing, 'or')}.`,
        `${c.name}:${missing.join(',')}`,
      );
    }
  },
});
