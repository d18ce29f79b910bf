import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'unknown',
      code: 'variable "v" {}\nresource "aws_redshift_cluster" "x" {\n  encrypted = var.v\n}\n',
    },
    {
      name: 'unset uses the encrypted default',
      code: 'resource "aws_redshift_cluster" "x" {\n  node_type = "ra3.xlplus"\n}\n',
    },
  ],
  invalid: [
    {
      name: 'explicitly off, per count instance',
      code: 'resource "aws_redshift_cluster" "x" {\n  count = 1\n  encrypted = false\n}\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 20, message: 'x[0]' }],
    },
  ],
});
