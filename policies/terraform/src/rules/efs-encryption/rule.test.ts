import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'unknown',
      code: 'variable "v" {}\nresource "aws_efs_file_system" "x" {\n  encrypted = var.v\n}\n',
    },
  ],
  invalid: [
    {
      name: 'explicitly off, per count instance',
      code: 'resource "aws_efs_file_system" "x" {\n  count = 1\n  encrypted = false\n}\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 20, message: 'x[0]' }],
    },
  ],
});
