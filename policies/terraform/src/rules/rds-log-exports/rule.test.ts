import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'MySQL instance with exports',
      code: 'resource "aws_db_instance" "d" {\n  engine                          = "mysql"\n  enabled_cloudwatch_logs_exports = ["audit", "error", "slowquery"]\n}\n',
    },
    {
      name: 'exports from a variable',
      code: 'variable "exports" {}\nresource "aws_db_instance" "d" {\n  enabled_cloudwatch_logs_exports = var.exports\n}\n',
    },
  ],
  invalid: [
    {
      name: 'empty list from a variable default',
      code: 'variable "exports" {\n  default = []\n}\nresource "aws_db_instance" "d" {\n  engine                          = "postgres"\n  enabled_cloudwatch_logs_exports = var.exports\n}\n',
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 48 }],
    },
  ],
});
