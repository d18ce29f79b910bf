import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'unknown', code: 'variable "m" {}\nresource "aws_instance" "a" {\n  monitoring = var.m\n}\n' },
  ],
  invalid: [
    {
      name: 'explicitly off',
      code: 'resource "aws_instance" "a" {\n  monitoring = false\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 21 }],
    },
  ],
});
