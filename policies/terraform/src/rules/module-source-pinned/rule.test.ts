import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'module "a" {\n  source = "./modules/a"\n}\n',
    'module "a" {\n  source = "git::https://github.com/acme/mods.git//vpc?ref=v1.2.0"\n}\n',
    {
      name: 'sha',
      code: 'module "a" {\n  source = "github.com/acme/mods?ref=0123456789abcdef0123456789abcdef01234567"\n}\n',
    },
    {
      name: 'private registry with version',
      code: 'module "a" {\n  source  = "app.terraform.io/acme/vpc/aws"\n  version = "1.0.0"\n}\n',
    },
  ],
  invalid: [
    {
      name: 'git without ref',
      code: 'module "a" {\n  source = "git::https://github.com/acme/mods.git"\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 51, message: 'without a `?ref=`' }],
    },
    {
      name: 'git branch',
      code: 'module "a" {\n  source = "github.com/acme/mods?ref=main"\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 43, message: '`main`' }],
    },
  ],
});
