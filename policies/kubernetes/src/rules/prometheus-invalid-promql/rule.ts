import { defineRule } from '@plumbline/core';
import { asString, type K8sObject } from '@plumbline/lang-yaml';
import { k8sDomain } from '../../domain.js';
import { report } from '../../lib.js';
import { promqlError, promRules, sourceOffset } from '../../prometheus.js';

export default defineRule<K8sObject>({
  id: 'k8s/prometheus-invalid-promql',
  domain: k8sDomain,
  meta: {
    title: 'PromQL expression does not parse',
    description:
      'The `expr` of an alerting or recording rule in a PrometheusRule is not valid PromQL (unbalanced brackets, unknown function, missing operand...). It is parsed with the Prometheus project\'s own PromQL grammar.',
    rationale:
      'High: the Prometheus Operator rejects the whole PrometheusRule or Prometheus refuses to load the rule group, so every alert of it — not just the broken one — silently stops firing.',
    remediation: 'Fix the expression at the reported position; test rules with `promtool check rules` or `promtool test rules` in CI.',
    category: 'reliability',
    severity: 'high',
    confidence: 'high',
    aliases: [],
    references: ['https://prometheus.io/docs/prometheus/latest/querying/basics/'],
    examples: {
      invalid: [
        {
          filename: 'k8s/alerts.yaml',
          code: 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: alerts\nspec:\n  groups:\n    - name: app\n      rules:\n        - alert: HighErrorRate\n          expr: sum(rate(http_requests_total{status=~"5.."}[5m]) > 1\n',
          errors: [{ line: 10, column: 68, endLine: 10, endColumn: 69 }],
        },
      ],
      valid: [
        {
          filename: 'k8s/alerts.yaml',
          code: 'apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: alerts\nspec:\n  groups:\n    - name: app\n      rules:\n        - alert: HighErrorRate\n          expr: sum(rate(http_requests_total{status=~"5.."}[5m])) > 1\n',
        },
      ],
    },
  },
  check(object, ctx) {
    for (const rule of promRules(object)) {
      const expr = rule.data.expr;
      const text = typeof expr === 'number' ? String(expr) : asString(expr);
      if (text === undefined || text.includes('{{')) continue;
      const error = promqlError(text);
      if (!error) continue;
      const loc = object.at([...rule.route, 'expr'])!;
      let at = loc;
      const from = sourceOffset(loc, text, Math.min(error.from, Math.max(0, text.length - 1)));
      if (from !== undefined) {
        const width = Math.max(1, Math.min(error.to - error.from, text.length - error.from));
        at = { file: loc.file, start: from, end: from + width };
      }
      const name = rule.alert ?? rule.record ?? '?';
      report(ctx, object, at, `The expression of \`${name}\` is not valid PromQL: unexpected ${error.found}.`, name);
    }
  },
});
