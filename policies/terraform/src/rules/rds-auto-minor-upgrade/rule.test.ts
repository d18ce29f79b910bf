import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'default',
      code: 'resource "aws_rds_cluster_instance" "a" {\n  instance_class = "db.r7g.large"\n}\n',
    },
    {
      name: 'unknown',
      code: 'variable "auto" {}\nresource "aws_db_instance" "d" {\n  auto_minor_version_upgrade = var.auto\n}\n',
    },
  ],
  invalid: [
    {
      name: 'off per environment map',
      code: 'locals {\n  upgrades = { prod = false }\n}\nresource "aws_rds_cluster_instance" "a" {\n  auto_minor_version_upgrade = local.upgrades["prod"]\n}\n',
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 54 }],
    },
  ],
});
