import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'small dev class',
      code: 'resource "aws_db_instance" "dev" {\n  instance_class = "db.t3.small"\n}\n',
    },
    {
      name: 'interval from a variable',
      code: 'variable "interval" {}\nresource "aws_rds_cluster_instance" "a" {\n  monitoring_interval = var.interval\n}\n',
    },
  ],
  invalid: [
    {
      name: 'Aurora member without interval',
      code: 'resource "aws_rds_cluster_instance" "a" {\n  cluster_identifier = aws_rds_cluster.main.id\n  instance_class     = "db.r7g.large"\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 40 }],
    },
  ],
});
