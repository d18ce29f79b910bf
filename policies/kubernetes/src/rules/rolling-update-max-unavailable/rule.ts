import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { intOrPercent } from '../../graph-helpers.js';
import { explicitReplicas, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/rolling-update-max-unavailable',
  domain: k8sDomain,
  meta: {
    title: 'Rolling update can take every pod down',
    description:
      'A Deployment\'s `strategy.rollingUpdate.maxUnavailable` (or a StatefulSet\'s `updateStrategy.rollingUpdate.maxUnavailable`) is 100% or at least the replica count, so an update may stop all pods at once.',
    rationale:
      'Medium: the point of a rolling update is to keep serving while replacing pods; with this setting a bad image or a slow start becomes a full outage for the length of the rollout.',
    remediation: 'Use `maxUnavailable: 0` with `maxSurge: 1` (or 25%) for services that must stay up, or a value strictly below the replica count.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: ['https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#max-unavailable'],
    examples: {
      invalid: [
        {
          filename: 'k8s/web.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  strategy:\n    rollingUpdate:\n      maxUnavailable: 100%\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
          errors: [{ line: 9, column: 23, endLine: 9, endColumn: 27 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/web.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  strategy:\n    rollingUpdate:\n      maxUnavailable: 0\n      maxSurge: 1\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const base = object.kind === 'Deployment' ? ['spec', 'strategy'] : object.kind === 'StatefulSet' ? ['spec', 'updateStrategy'] : undefined;
    if (!base) return;
    const route = [...base, 'rollingUpdate', 'maxUnavailable'];
    const value = intOrPercent(object.get(route));
    if (!value) return;
    const replicas = explicitReplicas(object);
    const all = (value.percent !== undefined && value.percent >= 100) || (value.count !== undefined && replicas !== undefined && replicas > 0 && value.count >= replicas);
    if (!all) return;
    report(ctx, object, object.at(route)!, `The rolling update of ${object.kind} \`${object.name}\` may stop all of its pods at once.`, 'maxUnavailable');
  },
});
