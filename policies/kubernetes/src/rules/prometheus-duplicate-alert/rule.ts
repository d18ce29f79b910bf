import { defineRule } from '@plumbline/core';
import { asObj, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';
import { alertLoc, promRules } from '../../prometheus.js';

function labelKey(labels: unknown): string {
  const obj = asObj(labels);
  return JSON.stringify(
    Object.keys(obj)
      .sort()
      .map((k) => [k, String(obj[k])]),
  );
}

export default defineRule<K8sObject>({
  id: 'k8s/prometheus-duplicate-alert',
  domain: k8sDomain,
  meta: {
    title: 'Alert defined twice in a group',
    description:
      'Two alerting rules of the same group share a name and the same static labels. (Same name with different labels — e.g. a `warning` and a `critical` tier — is a common, valid pattern and is not reported.)',
    rationale:
      'Medium: both rules produce the same alert identity, so Alertmanager merges, flaps between or deduplicates them unpredictably; usually one is a stale copy with an outdated threshold.',
    remediation: 'Delete the stale copy, or tell the rules apart with a label (e.g. `severity`).',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: ['https://prometheus.io/docs/prometheus/latest/configuration/alerting_rules/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/alerts.yaml',
          code: 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: alerts\nspec:\n  groups:\n    - name: app\n      rules:\n        - alert: HighLatency\n          expr: job:latency:p99 > 1\n          labels: {severity: warning}\n        - alert: HighLatency\n          expr: job:latency:p99 > 2\n          labels: {severity: warning}\n',
          errors: [{ line: 12, column: 18, endLine: 12, endColumn: 29 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/alerts.yaml',
          code: 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: alerts\nspec:\n  groups:\n    - name: app\n      rules:\n        - alert: HighLatency\n          expr: job:latency:p99 > 1\n          labels: {severity: warning}\n        - alert: HighLatency\n          expr: job:latency:p99 > 2\n          labels: {severity: critical}\n',
        },
      ],
    },
  },
  check(object, ctx) {
    const seen = new Set<string>();
    for (const rule of promRules(object)) {
      if (!rule.alert) continue;
      const key = JSON.stringify([rule.group, rule.alert, labelKey(rule.data.labels)]);
      if (seen.has(key)) report(ctx, object, alertLoc(object, rule), `Alert \`${rule.alert}\` is defined twice in group \`${rule.group}\` with the same labels.`, rule.alert);
      seen.add(key);
    }
  },
});
