import { defineRule } from '@plumbline/core';
import { asObj, isArgoWorkflowKind, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { containersOf, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/argo-template-resources',
  domain: k8sDomain,
  meta: {
    title: 'Argo workflow step without resource requests',
    description: 'A container of an Argo Workflow template (`container`, `script` or `containerSet`) requests neither CPU nor memory (and sets no limits either).',
    rationale:
      'Low: workflow pods then run as BestEffort — scheduled onto full nodes, evicted first under pressure, and a heavy training or data step can starve the services that share the node. Batch work tolerates retries, hence low.',
    remediation: 'Set `resources.requests` (cpu, memory) on each step from its observed usage; add `limits.memory` for steps with unbounded memory.',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    aliases: [],
    references: ['https://argo-workflows.readthedocs.io/en/latest/fields/#container'],
    examples: {
      invalid: [
        {
          filename: 'argo/pipeline.yaml',
          code: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: pipeline\nspec:\n  entrypoint: main\n  templates:\n    - name: main\n      container:\n        image: ghcr.io/org/train:1.0\n',
          errors: [{ line: 9, column: 7, endLine: 9, endColumn: 16 }],
        },
      ],
      valid: [
        {
          filename: 'argo/pipeline.yaml',
          code: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: pipeline\nspec:\n  entrypoint: main\n  templates:\n    - name: main\n      container:\n        image: ghcr.io/org/train:1.0\n        resources:\n          requests: {cpu: "2", memory: 4Gi}\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (!isArgoWorkflowKind(object)) return;
    for (const c of containersOf(object, { kinds: ['container'] })) {
      const resources = asObj(c.data.resources);
      if (Object.keys(asObj(resources.requests)).length > 0 || Object.keys(asObj(resources.limits)).length > 0) continue;
      report(ctx, object, c.anchor, `The ${c.label} of ${c.pod.label} requests no CPU or memory.`, `${c.pod.templateName}:${c.name}`);
    }
  },
});
