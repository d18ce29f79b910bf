import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'key from a variable',
      code: 'variable "kms_key_arn" {}\nresource "aws_cloudwatch_log_group" "flow" {\n  name       = "/vpc/flow"\n  kms_key_id = var.kms_key_arn\n}\n',
    },
    { name: 'count = 0', code: 'resource "aws_cloudwatch_log_group" "flow" {\n  count = 0\n}\n' },
  ],
  invalid: [
    {
      name: 'count = 2',
      code: 'resource "aws_cloudwatch_log_group" "flow" {\n  count = 2\n  name  = "/vpc/flow-${count.index}"\n}\n',
      errors: [
        { line: 1, column: 1, endLine: 1, endColumn: 43, message: 'flow[0]' },
        { line: 1, column: 1, endLine: 1, endColumn: 43, message: 'flow[1]' },
      ],
    },
  ],
});
