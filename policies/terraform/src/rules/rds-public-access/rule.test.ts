import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

const rdsModule = (version: string, args = '') =>
  `module "m" {\n  source  = "terraform-aws-modules/rds/aws"\n  version = "${version}"\n${args}}\n`;

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'RDS module default is private', code: rdsModule('~> 6.0') },
    'resource "aws_db_instance" "db" {}\n',
    {
      name: 'unknown',
      code: 'variable "p" {}\nresource "aws_rds_cluster_instance" "i" {\n  publicly_accessible = var.p\n}\n',
    },
  ],
  invalid: [
    {
      name: 'RDS module made public',
      code: rdsModule('~> 6.0', '  publicly_accessible = true\n'),
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 29 }],
    },
    {
      name: 'true through a module input: reported at the call argument',
      code: 'module "db" {\n  source = "./db"\n  public = true\n}\n',
      files: {
        'db/main.tf':
          'variable "public" {\n  default = false\n}\nresource "aws_db_instance" "db" {\n  publicly_accessible = var.public\n}\n',
      },
      errors: [
        {
          file: 'main.tf',
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 16,
          message: '`module.db.aws_db_instance.db`',
        },
      ],
    },
  ],
});
