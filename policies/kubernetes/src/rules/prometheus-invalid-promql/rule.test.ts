import { tester } from '../../test-kit.js';
import rule from './rule.js';

const rules = (body: string) => `apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata: {name: r}\nspec:\n  groups:\n    - name: g\n      rules:\n${body}`;

tester.run(rule, {
  valid: [
    {
      name: "the guide's alerts (block scalars)",
      code: rules(
        '        - alert: HighErrorRate\n          expr: |\n            sum(rate(http_requests_total{status=~"5.."}[5m]))\n            /\n            sum(rate(http_requests_total[5m])) > 0.05\n        - alert: SlowResponseTime\n          expr: |\n            histogram_quantile(0.99,\n              sum(rate(http_request_duration_seconds_bucket[5m])) by (le, service)\n            ) > 1.0\n        - record: job:up:sum\n          expr: sum by (job) (up)\n        - alert: Always\n          expr: vector(1)\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'unknown function inside a literal block, second line',
      code: rules('        - alert: A\n          expr: |\n            sum(rate(x[5m]))\n              > bogus_fn(1)\n'),
      errors: [{ line: 11, column: 25, endLine: 11, endColumn: 27, message: '`A`' }],
    },
    {
      name: 'quoted expression missing its operand',
      code: rules('        - record: job:x:sum\n          expr: "sum(x) by (job) /"\n'),
      errors: [{ line: 9, column: 34, endLine: 9, endColumn: 35, message: 'unexpected end of expression' }],
    },
    {
      name: 'folded scalar: whole value',
      code: rules('        - alert: B\n          expr: >\n            rate(x[5m]\n'),
      errors: [{ line: 9, column: 17, endLine: 10, endColumn: 23 }],
    },
  ],
});
