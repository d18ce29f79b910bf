import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

const kmsModule = (version: string, args = '') =>
  `module "m" {\n  source  = "terraform-aws-modules/kms/aws"\n  version = "${version}"\n${args}}\n`;

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'KMS module rotates by default', code: kmsModule('~> 3.0') },
    {
      name: 'asymmetric signing key',
      code: 'resource "aws_kms_key" "k" {\n  customer_master_key_spec = "RSA_2048"\n  key_usage                = "SIGN_VERIFY"\n}\n',
    },
  ],
  invalid: [
    {
      name: 'KMS module with rotation off',
      code: kmsModule('~> 3.0', '  enable_key_rotation = false\n'),
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 30 }],
    },
    {
      name: 'false',
      code: 'resource "aws_kms_key" "k" {\n  enable_key_rotation = false\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 30 }],
    },
  ],
});
