import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'PostgreSQL cluster',
      code: 'resource "aws_rds_cluster" "c" {\n  engine                          = "aurora-postgresql"\n  enabled_cloudwatch_logs_exports = ["postgresql"]\n}\n',
    },
    {
      name: 'no exports is the other rule',
      code: 'resource "aws_rds_cluster" "c" {\n  engine = "aurora-mysql"\n}\n',
    },
    {
      name: 'partly unknown list',
      code: 'variable "extra" {}\nresource "aws_rds_cluster" "c" {\n  engine                          = "aurora-mysql"\n  enabled_cloudwatch_logs_exports = ["error", var.extra]\n}\n',
    },
  ],
  invalid: [
    {
      name: 'legacy aurora engine name',
      code: 'resource "aws_rds_cluster" "c" {\n  engine                          = "aurora"\n  enabled_cloudwatch_logs_exports = ["error"]\n}\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 46 }],
    },
  ],
});
