import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

const noBackend = 'provider "aws" {\n  region = "eu-west-1"\n}\nresource "aws_s3_bucket" "b" {}\n';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'no backend, option off', code: noBackend },
    {
      name: 'cloud block',
      code: `terraform {\n  cloud {\n    organization = "acme"\n  }\n}\n${noBackend}`,
      options: { requireBackend: true },
    },
    {
      name: 'child module without backend',
      code: 'module "m" {\n  source = "./m"\n}\n',
      files: { 'm/main.tf': noBackend },
      options: { requireBackend: true },
    },
  ],
  invalid: [
    {
      name: 'local backend',
      code: 'terraform {\n  backend "local" {}\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 18 }],
    },
    {
      name: 'requireBackend',
      code: noBackend,
      options: { requireBackend: true },
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 15 }],
    },
  ],
});
