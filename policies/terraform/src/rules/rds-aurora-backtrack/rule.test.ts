import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'serverless v1',
      code: 'resource "aws_rds_cluster" "c" {\n  engine      = "aurora-mysql"\n  engine_mode = "serverless"\n}\n',
    },
    {
      name: 'global database member',
      code: 'resource "aws_rds_cluster" "c" {\n  engine                    = "aurora-mysql"\n  global_cluster_identifier = aws_rds_global_cluster.g.id\n}\n',
    },
    { name: 'PostgreSQL', code: 'resource "aws_rds_cluster" "c" {\n  engine = "aurora-postgresql"\n}\n' },
  ],
  invalid: [
    {
      name: 'zero window',
      code: 'resource "aws_rds_cluster" "c" {\n  engine           = "aurora-mysql"\n  backtrack_window = 0\n}\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 23 }],
    },
  ],
});
