import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'default enabled', code: 'resource "aws_kms_key" "k" {\n  description = "k"\n}\n' },
    { name: 'unknown', code: 'variable "on" {}\nresource "aws_kms_key" "k" {\n  is_enabled = var.on\n}\n' },
  ],
  invalid: [
    {
      name: 'disabled through a variable default',
      code: 'variable "key_enabled" {\n  default = false\n}\nresource "aws_kms_key" "k" {\n  is_enabled = var.key_enabled\n}\n',
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 31 }],
    },
  ],
});
