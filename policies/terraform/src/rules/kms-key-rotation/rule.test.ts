import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'asymmetric signing key',
      code: 'resource "aws_kms_key" "k" {\n  customer_master_key_spec = "RSA_2048"\n  key_usage                = "SIGN_VERIFY"\n}\n',
    },
  ],
  invalid: [
    {
      name: 'false',
      code: 'resource "aws_kms_key" "k" {\n  enable_key_rotation = false\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 30 }],
    },
  ],
});
