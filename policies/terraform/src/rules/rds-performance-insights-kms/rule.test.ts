import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'Performance Insights off', code: 'resource "aws_db_instance" "d" {\n  engine = "mysql"\n}\n' },
    {
      name: 'key from a variable',
      code: 'variable "key" {}\nresource "aws_rds_cluster" "c" {\n  performance_insights_enabled    = true\n  performance_insights_kms_key_id = var.key\n}\n',
    },
  ],
  invalid: [
    {
      name: 'AWS-managed alias on a cluster instance',
      code: 'resource "aws_rds_cluster_instance" "a" {\n  performance_insights_enabled    = true\n  performance_insights_kms_key_id = "alias/aws/rds"\n}\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 52 }],
    },
  ],
});
