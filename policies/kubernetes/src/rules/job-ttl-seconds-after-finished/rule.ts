import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/job-ttl-seconds-after-finished',
  domain: k8sDomain,
  meta: {
    title: 'Job is never cleaned up',
    description:
      'A stand-alone Job sets no `ttlSecondsAfterFinished`, so the finished Job and its pods stay in the cluster until someone deletes them. (Jobs created by a CronJob are cleaned by its history limits, and Helm or Argo CD hooks with a `hook-delete-policy` by their tool; neither is reported.)',
    rationale:
      "Low: finished Jobs accumulate, keep their pods' logs and volumes, clutter `kubectl get` and etcd, and — for migration Jobs applied by GitOps — block re-creation because the spec is immutable.",
    remediation:
      'Set `spec.ttlSecondsAfterFinished` (e.g. 86400) so the Job is garbage-collected after it finishes; keep logs in your log pipeline.',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    aliases: ['kube-linter:job-ttl-seconds-after-finished'],
    references: ['https://kubernetes.io/docs/concepts/workloads/controllers/ttlafterfinished/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/migrate.yaml',
          code: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: migrate\n          image: app:1.2\n',
          errors: [{ line: 5, column: 1, endLine: 5, endColumn: 5 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/migrate.yaml',
          code: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  ttlSecondsAfterFinished: 86400\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: migrate\n          image: app:1.2\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (object.kind !== 'Job' || object.group !== 'batch' || object.partial) return;
    if (object.get(['spec', 'ttlSecondsAfterFinished']) !== undefined) return;
    // Helm and Argo CD hooks are deleted by their tool (hook-delete-policy).
    if (
      object.annotations['helm.sh/hook-delete-policy'] ||
      object.annotations['argocd.argoproj.io/hook-delete-policy']
    )
      return;
    report(
      ctx,
      object,
      object.keyAt(['spec']) ?? object.head,
      `Job \`${object.name}\` sets no \`ttlSecondsAfterFinished\`.`,
      'ttl',
    );
  },
});
