import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'micro class',
      code: 'resource "aws_db_instance" "dev" {\n  instance_class = "db.t4g.micro"\n}\n',
    },
    {
      name: 'unknown',
      code: 'variable "pi" {}\nresource "aws_rds_cluster_instance" "a" {\n  performance_insights_enabled = var.pi\n}\n',
    },
  ],
  invalid: [
    {
      name: 'Aurora member explicitly off',
      code: 'resource "aws_rds_cluster_instance" "a" {\n  cluster_identifier           = aws_rds_cluster.main.id\n  instance_class               = "db.r7g.large"\n  performance_insights_enabled = false\n}\n',
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 39 }],
    },
  ],
});
