import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    'resource "aws_db_instance" "db" {\n  deletion_protection = true\n}\n',
    {
      name: 'unknown',
      code: 'variable "d" {}\nresource "aws_db_instance" "db" {\n  deletion_protection = var.d\n}\n',
    },
  ],
  invalid: [
    {
      name: 'missing',
      code: 'resource "aws_db_instance" "db" {}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 32 }],
    },
  ],
});
