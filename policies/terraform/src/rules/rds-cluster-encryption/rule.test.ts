import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'serverless v1', code: 'resource "aws_rds_cluster" "c" {\n  engine_mode = "serverless"\n}\n' },
    'resource "aws_docdb_cluster" "c" {\n  storage_encrypted = true\n}\n',
  ],
  invalid: [
    {
      name: 'false from variable',
      code: 'variable "e" {\n  default = false\n}\nresource "aws_rds_cluster" "c" {\n  storage_encrypted = var.e\n}\n',
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 28 }],
    },
  ],
});
