import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'lambda', code: 'resource "aws_lb_target_group" "l" {\n  target_type = "lambda"\n}\n' },
    {
      name: 'dynamic health_check',
      code: 'resource "aws_lb_target_group" "t" {\n  dynamic "health_check" {\n    for_each = var.hc\n    content {}\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'disabled',
      code: 'resource "aws_lb_target_group" "t" {\n  health_check {\n    enabled = false\n  }\n}\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 20 }],
    },
  ],
});
