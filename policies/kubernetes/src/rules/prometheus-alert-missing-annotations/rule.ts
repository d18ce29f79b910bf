import { defineRule } from '@plumbline/core';
import { asObj, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { list, report } from '../../lib.js';
import { alertLoc, promRules } from '../../prometheus.js';

export default defineRule<K8sObject>({
  id: 'k8s/prometheus-alert-missing-annotations',
  domain: k8sDomain,
  meta: {
    title: 'Alert without summary or description',
    description: 'An alerting rule of a PrometheusRule has no `summary` or no `description` annotation (`message`, used by older mixins, counts as a description).',
    rationale:
      'Low: the person paged sees only the alert name; a summary and a description with `{{ $labels }}` and `{{ $value }}` say what broke, where and how badly, and shorten the time to the first useful action.',
    remediation: 'Add `annotations.summary` (one line) and `annotations.description` (what, where, how much, using templated labels and value).',
    category: 'best-practice',
    severity: 'low',
    confidence: 'high',
    aliases: [],
    references: ['https://prometheus.io/docs/prometheus/latest/configuration/alerting_rules/#templating'],
    examples: {
      invalid: [
        {
          filename: 'k8s/alerts.yaml',
          code: "apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: alerts\nspec:\n  groups:\n    - name: app\n      rules:\n        - alert: SlowResponseTime\n          expr: job:latency:p99 > 1\n          for: 5m\n          annotations:\n            summary: 'Slow p99 latency'\n",
          errors: [{ line: 9, column: 18, endLine: 9, endColumn: 34 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/alerts.yaml',
          code: "apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: alerts\nspec:\n  groups:\n    - name: app\n      rules:\n        - alert: SlowResponseTime\n          expr: job:latency:p99 > 1\n          for: 5m\n          annotations:\n            summary: 'Slow p99 latency'\n            description: 'p99 latency is {{ $value }}s for {{ $labels.service }}'\n",
        },
      ],
    },
  },
  check(object, ctx) {
    for (const rule of promRules(object)) {
      if (!rule.alert) continue;
      const annotations = asObj(rule.data.annotations);
      const missing: string[] = [];
      if (annotations.summary === undefined) missing.push('`summary`');
      if (annotations.description === undefined && annotations.message === undefined) missing.push('`description`');
      if (missing.length === 0) continue;
      report(ctx, object, alertLoc(object, rule), `Alert \`${rule.alert}\` has no ${list(missing, 'or')} annotation.`, rule.alert);
    }
  },
});
