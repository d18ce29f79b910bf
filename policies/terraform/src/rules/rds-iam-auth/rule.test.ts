import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'oracle has no IAM auth',
      code: 'resource "aws_db_instance" "db" {\n  engine = "oracle-ee"\n}\n',
    },
    { name: 'unknown engine', code: 'resource "aws_db_instance" "db" {\n  engine = var.engine\n}\n' },
  ],
  invalid: [
    {
      name: 'aurora-mysql false',
      code: 'resource "aws_rds_cluster" "c" {\n  engine                              = "aurora-mysql"\n  iam_database_authentication_enabled = false\n}\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 46 }],
    },
  ],
});
