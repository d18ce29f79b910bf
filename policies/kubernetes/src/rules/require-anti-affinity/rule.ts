import { defineRule } from '@plumbline/core';
import { asArray, asObj, type K8sObject, k8sGraph } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { isMultiReplica } from '../../graph-helpers.js';
import { podsOf, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/require-anti-affinity',
  domain: k8sDomain,
  meta: {
    title: 'Replicas may all land on one node',
    description:
      'A workload with several replicas sets neither `topologySpreadConstraints` nor a `podAntiAffinity`, so the scheduler may place every replica on the same node or zone.',
    rationale:
      'Low: replicas exist to survive the loss of a node; packed on one node they fail together. Schedulers spread somewhat by default, hence low.',
    remediation:
      'Add `topologySpreadConstraints` over `kubernetes.io/hostname` and `topology.kubernetes.io/zone` (or a preferred `podAntiAffinity` on the pod labels).',
    category: 'reliability',
    severity: 'low',
    confidence: 'medium',
    aliases: [
      'kube-linter:no-anti-affinity',
      'polaris:topologySpreadConstraint',
      'kube-score:deployment-has-host-podantiaffinity',
    ],
    references: ['https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/web.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:1.0\n',
          errors: [{ line: 8, column: 5, endLine: 8, endColumn: 9 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/web.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: kubernetes.io/hostname\n          whenUnsatisfiable: ScheduleAnyway\n          labelSelector: {matchLabels: {app: web}}\n      containers:\n        - name: web\n          image: web:1.0\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const pod = podsOf(object, { classes: ['service'] })[0];
    if (!pod || !isMultiReplica(k8sGraph(ctx.project, object), object)) return;
    if (asArray(pod.field('topologySpreadConstraints')?.value).length > 0) return;
    if (asObj(pod.field('affinity')?.value).podAntiAffinity) return;
    report(
      ctx,
      object,
      pod.anchor,
      `${object.kind} \`${object.name}\` sets no topology spread or pod anti-affinity for its replicas.`,
      'spread',
    );
  },
});
