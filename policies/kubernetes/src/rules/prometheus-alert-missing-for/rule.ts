import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';
import { alertLoc, promRules } from '../../prometheus.js';

export default defineRule<K8sObject>({
  id: 'k8s/prometheus-alert-missing-for',
  domain: k8sDomain,
  meta: {
    title: 'Alert fires on the first evaluation',
    description: 'An alerting rule of a PrometheusRule has no `for:` duration, so a single evaluation above the threshold pages. (An explicit `for: 0m` is taken as a deliberate choice.)',
    rationale:
      'Low: one scrape glitch, restart or short spike wakes someone up; noisy alerts teach people to ignore pages, which costs more than the minute of delay `for` adds.',
    remediation: 'Add `for:` with a duration that matches how long the condition must hold to matter (typically 2–15m).',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    aliases: [],
    references: ['https://prometheus.io/docs/prometheus/latest/configuration/alerting_rules/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/alerts.yaml',
          code: 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: alerts\nspec:\n  groups:\n    - name: app\n      rules:\n        - alert: HighErrorRate\n          expr: job:errors:ratio5m > 0.05\n          labels: {severity: critical}\n',
          errors: [{ line: 9, column: 18, endLine: 9, endColumn: 31 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/alerts.yaml',
          code: 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: alerts\nspec:\n  groups:\n    - name: app\n      rules:\n        - alert: HighErrorRate\n          expr: job:errors:ratio5m > 0.05\n          for: 5m\n          labels: {severity: critical}\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const rule of promRules(object)) {
      if (!rule.alert || rule.data.for !== undefined) continue;
      report(ctx, object, alertLoc(object, rule), `Alert \`${rule.alert}\` has no \`for:\` duration.`, rule.alert);
    }
  },
});
