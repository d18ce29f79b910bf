import { defineRule } from '@plumbline/core';
import { asObj, type K8sObject, podSpecsOf, selectorMatches } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';

const KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Rollout', 'Job', 'ReplicationController']);

export default defineRule<K8sObject>({
  id: 'k8s/selector-mismatch',
  domain: k8sDomain,
  meta: {
    title: 'Workload selector does not match its pod template',
    description: 'The `spec.selector` of a Deployment, StatefulSet, DaemonSet, ReplicaSet, Rollout or Job does not select the labels of its own pod template.',
    rationale:
      'High: the API server rejects the object (`selector does not match template labels`), so the deploy fails; with older APIs it created pods the controller never counted. Either way the manifest cannot work as written.',
    remediation: 'Make `spec.selector.matchLabels` a subset of `spec.template.metadata.labels` (and keep the selector stable: it is immutable after creation).',
    category: 'reliability',
    severity: 'high',
    confidence: 'high',
    aliases: ['kube-linter:mismatching-selector'],
    references: ['https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#selector'],
    examples: {
      invalid: [
        {
          filename: 'k8s/web.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: frontend\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
          errors: [{ line: 6, column: 3, endLine: 6, endColumn: 11 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/web.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n        version: v2\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (!KINDS.has(object.kind) || object.partial) return;
    const selector = object.get(['spec', 'selector']);
    const pod = podSpecsOf(object)[0];
    if (!pod || selector === undefined || selector === null) return;
    // A template without metadata is a fragment (or relies on defaulting); only compare real labels.
    if (Object.keys(asObj(object.get(['spec', 'template', 'metadata']))).length === 0) return;
    if (selectorMatches(selector, pod.labels)) return;
    report(ctx, object, object.keyAt(['spec', 'selector'])!, `The selector of ${object.kind} \`${object.name}\` does not match its pod template labels.`, 'selector');
  },
});
