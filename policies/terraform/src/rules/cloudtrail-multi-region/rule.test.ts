import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'resource "aws_cloudtrail" "t" {\n  is_multi_region_trail = true\n}\n',
    {
      name: 'unknown',
      code: 'variable "v" {}\nresource "aws_cloudtrail" "t" {\n  is_multi_region_trail = var.v\n}\n',
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
