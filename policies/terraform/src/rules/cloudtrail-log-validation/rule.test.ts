import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'resource "aws_cloudtrail" "t" {\n  enable_log_file_validation = true\n}\n',
    {
      name: 'unknown',
      code: 'variable "v" {}\nresource "aws_cloudtrail" "t" {\n  enable_log_file_validation = var.v\n}\n',
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
