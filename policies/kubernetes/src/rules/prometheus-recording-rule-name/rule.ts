import { defineRule } from '@plumbline/core';
import type { K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';
import { promRules } from '../../prometheus.js';

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

export default defineRule<K8sObject>({
  id: 'k8s/prometheus-recording-rule-name',
  domain: k8sDomain,
  meta: {
    title: 'Recording rule name is not a valid metric name',
    description: 'The `record` name of a recording rule is not a valid Prometheus metric name (letters, digits, `_` and `:`, not starting with a digit).',
    rationale:
      'High: Prometheus refuses to load the rule group, so every rule of it — alerts included — stops being evaluated, and dashboards built on the recorded series go blank.',
    remediation: 'Rename the rule to a valid metric name, following the `level:metric:operations` convention (e.g. `job:http_requests:rate5m`).',
    category: 'reliability',
    severity: 'high',
    confidence: 'high',
    aliases: [],
    references: ['https://prometheus.io/docs/practices/rules/#naming'],
    examples: {
      invalid: [
        {
          filename: 'k8s/rules.yaml',
          code: 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: rules\nspec:\n  groups:\n    - name: app\n      rules:\n        - record: job:http-requests:rate5m\n          expr: sum by (job) (rate(http_requests_total[5m]))\n',
          errors: [{ line: 9, column: 19, endLine: 9, endColumn: 43 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/rules.yaml',
          code: 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: rules\nspec:\n  groups:\n    - name: app\n      rules:\n        - record: job:http_requests:rate5m\n          expr: sum by (job) (rate(http_requests_total[5m]))\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const rule of promRules(object)) {
      if (rule.record === undefined || METRIC_NAME.test(rule.record) || rule.record.includes('{{')) continue;
      report(ctx, object, object.at([...rule.route, 'record'])!, `Recording rule name \`${rule.record}\` is not a valid metric name.`, rule.record);
    }
  },
});
