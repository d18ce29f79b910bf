import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'unknown flag',
      code: 'variable "encrypt" {}\nresource "aws_dax_cluster" "c" {\n  server_side_encryption {\n    enabled = var.encrypt\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'explicitly off',
      code: 'resource "aws_dax_cluster" "c" {\n  cluster_name = "c"\n  server_side_encryption {\n    enabled = false\n  }\n}\n',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 20 }],
    },
    {
      name: 'block without enabled',
      code: 'resource "aws_dax_cluster" "c" {\n  server_side_encryption {}\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 25 }],
    },
  ],
});
