import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'read replica',
      code: 'resource "aws_db_instance" "r" {\n  replicate_source_db = aws_db_instance.db.identifier\n}\n',
    },
    {
      name: 'unknown',
      code: 'variable "e" {}\nresource "aws_db_instance" "db" {\n  storage_encrypted = var.e\n}\n',
    },
  ],
  invalid: [
    {
      name: 'false',
      code: 'resource "aws_db_instance" "db" {\n  storage_encrypted = false\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 28 }],
    },
  ],
});
