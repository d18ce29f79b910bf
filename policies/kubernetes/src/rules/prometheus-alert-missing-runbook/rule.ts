import { defineRule } from '@plumbline/core';
import { asObj, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';
import { alertLoc, promRules } from '../../prometheus.js';

export default defineRule<K8sObject>({
  id: 'k8s/prometheus-alert-missing-runbook',
  domain: k8sDomain,
  meta: {
    title: 'Alert without a runbook link',
    description: 'An alerting rule of a PrometheusRule has no `runbook_url` annotation.',
    rationale:
      'Info: a runbook turns a page into a procedure (what to check, how to mitigate, whom to escalate to); without one the on-call engineer improvises. Worth doing, but not a defect of the alert itself.',
    remediation: 'Add `annotations.runbook_url` pointing to the runbook for this alert.',
    category: 'best-practice',
    severity: 'info',
    confidence: 'high',
    aliases: [],
    references: ['https://sre.google/sre-book/being-on-call/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/alerts.yaml',
          code: 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: alerts\nspec:\n  groups:\n    - name: app\n      rules:\n        - alert: DiskFull\n          expr: node_filesystem_avail_bytes == 0\n',
          errors: [{ line: 9, column: 18, endLine: 9, endColumn: 26 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/alerts.yaml',
          code: 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: alerts\nspec:\n  groups:\n    - name: app\n      rules:\n        - alert: DiskFull\n          expr: node_filesystem_avail_bytes == 0\n          annotations:\n            runbook_url: https://runbooks.example.com/disk-full\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const rule of promRules(object)) {
      if (!rule.alert || asObj(rule.data.annotations).runbook_url !== undefined) continue;
      report(ctx, object, alertLoc(object, rule), `Alert \`${rule.alert}\` has no \`runbook_url\` annotation.`, rule.alert);
    }
  },
});
