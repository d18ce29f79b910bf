import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'unset', code: 'resource "aws_redshift_cluster" "dw" {\n  node_type = "ra3.xlplus"\n}\n' },
    {
      name: 'unknown',
      code: 'variable "public" {}\nresource "aws_redshift_serverless_workgroup" "w" {\n  publicly_accessible = var.public\n}\n',
    },
  ],
  invalid: [
    {
      name: 'serverless workgroup',
      code: 'resource "aws_redshift_serverless_workgroup" "w" {\n  workgroup_name      = "analytics"\n  publicly_accessible = true\n}\n',
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 29 }],
    },
  ],
});
