import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'resource "aws_db_instance" "db" {}\n',
    {
      name: 'replica',
      code: 'resource "aws_db_instance" "r" {\n  replicate_source_db     = "db"\n  backup_retention_period = 0\n}\n',
    },
  ],
  invalid: [
    {
      name: 'cluster 1 day',
      code: 'resource "aws_rds_cluster" "c" {\n  backup_retention_period = 1\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 30, message: '1 day' }],
    },
  ],
});
