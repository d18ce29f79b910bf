import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

const rdsModule = (version: string, args = '') =>
  `module "m" {\n  source  = "terraform-aws-modules/rds/aws"\n  version = "${version}"\n${args}}\n`;

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'RDS module v6 encrypts by default', code: rdsModule('~> 6.0') },
    { name: 'RDS module v4 already encrypts by default', code: rdsModule('~> 4.0') },
    { name: 'a range spanning v3 and v4 has no single default', code: rdsModule('>= 3.0, < 5.0') },
    {
      name: 'a read replica through the module takes its encryption from the source',
      code: rdsModule('~> 3.0', '  replicate_source_db = module.primary.db_instance_identifier\n'),
    },
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
      name: 'RDS module v3 did not encrypt by default (v4.0.0 turned it on)',
      code: rdsModule('~> 3.0'),
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, message: 'default `false` (before v4.0.0)' }],
    },
    {
      name: 'RDS module input set to false, reported at the argument',
      code: rdsModule('~> 6.0', '  storage_encrypted = false\n'),
      errors: [
        { line: 4, column: 3, endLine: 4, endColumn: 28, message: 'sets `storage_encrypted = false`' },
      ],
    },
    {
      name: 'false',
      code: 'resource "aws_db_instance" "db" {\n  storage_encrypted = false\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 28 }],
    },
  ],
});
