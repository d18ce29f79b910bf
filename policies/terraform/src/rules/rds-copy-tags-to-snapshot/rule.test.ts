import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'Aurora member instance',
      code: 'resource "aws_db_instance" "a" {\n  engine = "aurora-mysql"\n}\n',
    },
    {
      name: 'unknown',
      code: 'variable "copy" {}\nresource "aws_rds_cluster" "c" {\n  copy_tags_to_snapshot = var.copy\n}\n',
    },
  ],
  invalid: [
    {
      name: 'cluster explicitly off',
      code: 'resource "aws_rds_cluster" "c" {\n  engine                = "aurora-postgresql"\n  copy_tags_to_snapshot = false\n}\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 32 }],
    },
  ],
});
