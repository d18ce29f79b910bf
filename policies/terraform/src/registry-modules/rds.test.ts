import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import copyTags from '../rules/rds-copy-tags-to-snapshot/rule.js';
import deletionProtection from '../rules/rds-deletion-protection/rule.js';
import publicAccess from '../rules/rds-public-access/rule.js';

/** Calls of terraform-aws-modules/rds/aws and rds-aurora/aws as their READMEs write them. */
const rds = (version: string, args = '') =>
  `module "db" {\n  source  = "terraform-aws-modules/rds/aws"\n  version = "${version}"\n\n  identifier          = "orders"\n  engine              = "postgres"\n  family              = "postgres16"\n  instance_class      = "db.t4g.large"\n  allocated_storage   = 20\n  deletion_protection = true\n${args}}\n`;

const aurora = (version: string, args = '') =>
  `module "aurora" {\n  source  = "terraform-aws-modules/rds-aurora/aws"\n  version = "${version}"\n\n  name                 = "orders"\n  engine               = "aurora-postgresql"\n  engine_version       = "16.4"\n  vpc_id               = module.vpc.vpc_id\n  db_subnet_group_name = module.vpc.database_subnet_group_name\n${args}}\n`;

const instances = (writer: string) =>
  `  instances = {\n    writer = {\n      instance_class = "db.r6g.large"\n${writer}    }\n    reader = {\n      instance_class = "db.r6g.large"\n    }\n  }\n`;

const tester = new RuleTester([hclLanguage]);

tester.run(copyTags, {
  valid: [
    { name: 'RDS v7 copies tags by default', code: rds('~> 7.0') },
    { name: 'a range spanning v6 and v7 has no single default', code: rds('>= 6.0, < 8.0') },
    { name: 'hardened RDS v6', code: rds('~> 6.1', '  copy_tags_to_snapshot = true\n') },
    { name: 'Aurora v10 copies tags by default', code: aurora('~> 10.0') },
    { name: 'a range spanning Aurora v9 and v10 has no single default', code: aurora('>= 9.0, < 11.0') },
    { name: 'hardened Aurora v9', code: aurora('~> 9.0', '  copy_tags_to_snapshot = true\n') },
  ],
  invalid: [
    {
      name: 'RDS v6 default, reported at the module block',
      code: rds('~> 6.1'),
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 12, message: 'default `false` (before v7.0.0)' }],
    },
    {
      name: 'Aurora v9 default, reported at the module block',
      code: aurora('~> 9.0'),
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 16,
          message: 'default `false` (v6.0.0 to before v10.0.0)',
        },
      ],
    },
    {
      name: 'turned off on RDS v7, reported at the argument',
      code: rds('~> 7.0', '  copy_tags_to_snapshot = false\n'),
      errors: [{ line: 11, column: 3, endLine: 11, endColumn: 32 }],
    },
  ],
});

tester.run(deletionProtection, {
  valid: [
    { name: 'hardened Aurora call', code: aurora('~> 9.0', '  deletion_protection = true\n') },
    { name: 'Aurora before v6: default not described', code: aurora('~> 5.2') },
  ],
  invalid: [
    {
      name: 'Aurora default (null: the provider’s false), reported at the module block',
      code: aurora('~> 9.0', '  copy_tags_to_snapshot = true\n'),
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 16,
          message: "leaves `deletion_protection` at the module's default `false` (since v6.0.0)",
        },
      ],
    },
  ],
});

tester.run(publicAccess, {
  valid: [
    {
      name: 'hardened Aurora instances',
      code: aurora('~> 9.0', instances('      publicly_accessible = false\n')),
    },
  ],
  invalid: [
    {
      name: 'one public Aurora instance, reported at that instance',
      code: aurora('~> 10.0', instances('      publicly_accessible = true\n')),
      errors: [{ line: 11, column: 5, endLine: 14, endColumn: 6, message: 'sets `instances["writer"]`' }],
    },
  ],
});
