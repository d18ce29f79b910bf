import { tester } from '../../test-kit.js';
import rule from './rule.js';

const rules = (body: string) => `apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata: {name: r}\nspec:\n  groups:\n    - name: g\n      rules:\n${body}`;

tester.run(rule, {
  valid: [
    { name: 'a complete alert', code: rules('        - alert: Full\n          expr: up == 0\n          for: 5m\n          labels: {severity: critical}\n          annotations: {summary: s, description: d, runbook_url: https://r}\n') },
    rules('        - alert: X\n          expr: up == 0\n          labels: {severity: info}\n'),
  ],
  invalid: [{ code: rules('        - alert: Down\n          expr: up == 0\n          labels: {team: a}\n'), errors: [{ line: 8, column: 18, endLine: 8, endColumn: 22 }] }],
});
