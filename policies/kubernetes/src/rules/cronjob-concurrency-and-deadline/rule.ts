import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { list, report } from '../../lib.js';

export default defineRule<K8sObject>({
  id: 'k8s/cronjob-concurrency-and-deadline',
  domain: k8sDomain,
  meta: {
    title: 'CronJob without concurrencyPolicy or startingDeadlineSeconds',
    description:
      'A CronJob leaves `concurrencyPolicy` at its default `Allow` (runs may overlap) or sets no `startingDeadlineSeconds` (missed runs are counted without limit and may be started late, or stop being scheduled after 100 misses).',
    rationale:
      'Low: overlapping runs of a backup, report or cleanup job fight over the same data, and a controller outage can make a CronJob start hours late or stop for good. These bite rarely, but badly.',
    remediation: 'Set `concurrencyPolicy: Forbid` (or `Replace`) unless runs are safe to overlap, and `startingDeadlineSeconds` to how late a run may still start (e.g. 300).',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    aliases: ['kube-score:cronjob-has-deadline'],
    references: ['https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#cron-job-limitations'],
    examples: {
      invalid: [
        {
          filename: 'k8s/backup.yaml',
          code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  schedule: "0 2 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: backup\n              image: backup:1.0\n',
          errors: [{ line: 5, column: 1, endLine: 5, endColumn: 5 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/backup.yaml',
          code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  schedule: "0 2 * * *"\n  concurrencyPolicy: Forbid\n  startingDeadlineSeconds: 600\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: backup\n              image: backup:1.0\n',
        },
      ],
    },
  },
  check(object, ctx) {
    if (object.kind !== 'CronJob' || object.group !== 'batch' || object.partial) return;
    const missing: string[] = [];
    const policy = object.get(['spec', 'concurrencyPolicy']);
    if (policy === undefined || policy === 'Allow') missing.push('`concurrencyPolicy` (runs may overlap)');
    if (object.get(['spec', 'startingDeadlineSeconds']) === undefined) missing.push('`startingDeadlineSeconds`');
    if (missing.length === 0) return;
    const at = policy === 'Allow' ? object.at(['spec', 'concurrencyPolicy'])! : (object.keyAt(['spec']) ?? object.head);
    report(ctx, object, at, `CronJob \`${object.name}\` sets no ${list(missing)}.`, missing.join(','));
  },
});
