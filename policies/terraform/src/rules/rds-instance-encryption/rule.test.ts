import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

const rdsModule = (version: string, args = '') =>
  `module "m" {\n  source  = "terraform-aws-modules/rds/aws"\n  version = "${version}"\n${args}}\n`;

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'RDS module v6 encrypts by default', code: rdsModule('~> 6.0') },
    {
      name: 'read replica',
      code: 'resource "aws_db_instance" "r" {\n  replicate_source_db = aws_db_instance.db.identifier\n}\n',
    },
    {
      name: 'unknown',
      code: 'variable "e" {}\nresource "aws_db_instance" "db" {\n  storage_encrypted = var.e\n}\n',
    },
  ],
  invalid: [
    {
      name: 'RDS module v2 did not encrypt by default',
      code: rdsModule('~> 2.0'),
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, message: 'default `false` (before v3.0.0)' }],
    },
    {
      name: 'false',
      code: 'resource "aws_db_instance" "db" {\n  storage_encrypted = false\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 28 }],
    },
  ],
});
