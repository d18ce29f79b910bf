import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'unknown',
      code: 'variable "v" {}\nresource "aws_docdb_cluster" "x" {\n  storage_encrypted = var.v\n}\n',
    },
  ],
  invalid: [
    {
      name: 'explicitly off, per count instance',
      code: 'resource "aws_docdb_cluster" "x" {\n  count = 1\n  storage_encrypted = false\n}\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 28, message: 'x[0]' }],
    },
  ],
});
