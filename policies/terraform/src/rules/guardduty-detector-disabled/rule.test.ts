import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'default', code: 'resource "aws_guardduty_detector" "d" {}\n' },
    {
      name: 'unknown',
      code: 'variable "on" {}\nresource "aws_guardduty_detector" "d" {\n  enable = var.on\n}\n',
    },
  ],
  invalid: [
    {
      name: 'disabled per region map',
      code: 'locals {\n  guardduty = { "eu-west-1" = true, "us-east-1" = false }\n}\nresource "aws_guardduty_detector" "d" {\n  for_each = local.guardduty\n  enable   = each.value\n}\n',
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 24, message: 'd["us-east-1"]' }],
    },
  ],
});
