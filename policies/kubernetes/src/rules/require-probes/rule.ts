import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { containersOf, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/require-probes',
  domain: k8sDomain,
  meta: {
    title: 'Long-running container without readiness or liveness probe',
    description:
      'A container of a Deployment, StatefulSet, DaemonSet, ReplicaSet or Rollout has no `readinessProbe` or no `livenessProbe`. Jobs, CronJobs, workflows, bare Pods, init and ephemeral containers are not checked: they run to completion.',
    rationale:
      'Medium: without a readiness probe a pod receives traffic before it can serve and during rollouts a broken version goes live; without a liveness probe a deadlocked process stays in rotation until a human notices. Both turn small faults into user-visible outages, but neither is a security exposure. A container missing both gets one finding naming both (one cause: nobody wrote probes for it).',
    remediation:
      'Add a `readinessProbe` that checks the service can answer (e.g. `httpGet: {path: /ready, port: http}`) and a `livenessProbe` that only checks the process is alive (cheap, no dependencies, longer `initialDelaySeconds`). A `startupProbe` helps slow starters.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'medium',
    aliases: [
      'CKV_K8S_8',
      'CKV_K8S_9',
      'kube-linter:no-liveness-probe',
      'kube-linter:no-readiness-probe',
      'polaris:readinessProbeMissing',
      'polaris:livenessProbeMissing',
      'kube-score:pod-probes',
    ],
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
    ],
    examples: {
      invalid: [
        {
          filename: 'k8s/web.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          livenessProbe:\n            tcpSocket: {port: 80}\n',
          errors: [{ line: 9, column: 11, endLine: 9, endColumn: 20 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/web.yaml',
          code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          readinessProbe:\n            httpGet: {path: /ready, port: 80}\n          livenessProbe:\n            tcpSocket: {port: 80}\n',
        },
        {
          filename: 'k8s/migrate.yaml',
          code: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      containers:\n        - name: migrate\n          image: app:1.2\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const c of containersOf(object, { kinds: ['container'], classes: ['service', 'daemon'] })) {
      const missing = (
        [
          ['readinessProbe', 'readiness'],
          ['livenessProbe', 'liveness'],
        ] as const
      ).filter(([field]) => c.data[field] === undefined || c.data[field] === null);
      if (missing.length === 0) continue;
      // One finding per container (one cause: nobody wrote probes), naming what is missing.
      report(
        ctx,
        object,
        c.anchor,
        `The ${c.label} of ${c.pod.label} has ${missing.map(([, what]) => `no ${what} probe`).join(' and ')}.`,
        missing.length === 1 ? `${c.name}:${missing[0]![0]}` : `${c.name}:probes`,
      );
    }
  },
});
