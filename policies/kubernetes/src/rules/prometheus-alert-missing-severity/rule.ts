import { defineRule } from '@plumbline/core';
import { asObj, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';
import { alertLoc, promRules } from '../../prometheus.js';

export default defineRule<K8sObject>({
  id: 'k8s/prometheus-alert-missing-severity',
  domain: k8sDomain,
  meta: {
    title: 'Alert without a severity label',
    description: 'An alerting rule of a PrometheusRule sets no `severity` label.',
    rationale:
      'Medium: Alertmanager routes on labels; without `severity` the alert falls to the default route — often nowhere, or straight to the pager for something minor — so real incidents can go unnoticed.',
    remediation: 'Add `labels: {severity: critical|warning|info}` following your routing tree.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: ['https://prometheus.io/docs/alerting/latest/configuration/#route'],
    examples: {
      invalid: [
        {
          filename: 'k8s/alerts.yaml',
          code: 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: alerts\nspec:\n  groups:\n    - name: app\n      rules:\n        - alert: PodCrashLooping\n          expr: increase(kube_pod_container_status_restarts_total[15m]) > 3\n          for: 5m\n',
          errors: [{ line: 9, column: 18, endLine: 9, endColumn: 33 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/alerts.yaml',
          code: 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: alerts\nspec:\n  groups:\n    - name: app\n      rules:\n        - alert: PodCrashLooping\n          expr: increase(kube_pod_container_status_restarts_total[15m]) > 3\n          for: 5m\n          labels:\n            severity: warning\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const rule of promRules(object)) {
      if (!rule.alert || asObj(rule.data.labels).severity !== undefined) continue;
      report(ctx, object, alertLoc(object, rule), `Alert \`${rule.alert}\` has no \`severity\` label.`, rule.alert);
    }
  },
});
