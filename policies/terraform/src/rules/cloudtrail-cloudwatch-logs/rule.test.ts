import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'set from a variable',
      code: 'variable "v" {}\nresource "aws_cloudtrail" "t" {\n  cloud_watch_logs_group_arn = var.v\n}\n',
    },
  ],
  invalid: [
    {
      name: 'missing',
      code: 'resource "aws_cloudtrail" "t" {}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 30 }],
    },
  ],
});
