import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { containersOf, report } from '../../lib.js';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${k}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export default defineRule<K8sObject>({
  id: 'k8s/identical-probes',
  domain: k8sDomain,
  meta: {
    title: 'Liveness probe identical to the readiness probe',
    description: 'A container\'s `livenessProbe` is exactly its `readinessProbe` (same check, same timings).',
    rationale:
      'Low: when a dependency slows down, the readiness probe should take the pod out of rotation while it recovers; an identical liveness probe restarts it at the same moment, turning a brownout into a restart storm across all replicas.',
    remediation: 'Make the liveness probe cheaper and more tolerant than readiness: a `/healthz` that checks only the process, with a higher `failureThreshold` or `periodSeconds`.',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    aliases: ['kube-score:pod-probes-identical'],
    references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      readinessProbe:\n        httpGet: {path: /health, port: 8080}\n      livenessProbe:\n        httpGet: {path: /health, port: 8080}\n',
          errors: [{ line: 11, column: 7, endLine: 11, endColumn: 20 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/app.yaml',
          code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      readinessProbe:\n        httpGet: {path: /health, port: 8080}\n      livenessProbe:\n        httpGet: {path: /health, port: 8080}\n        failureThreshold: 6\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const c of containersOf(object, { kinds: ['container'] })) {
      const { livenessProbe, readinessProbe } = c.data;
      if (!livenessProbe || !readinessProbe || canonical(livenessProbe) !== canonical(readinessProbe)) continue;
      report(ctx, object, c.keyAt(['livenessProbe'])!, `The ${c.label} of ${c.pod.label} uses the same probe for liveness and readiness.`, c.name);
    }
  },
});
