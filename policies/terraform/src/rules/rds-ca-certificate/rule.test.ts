import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'unset', code: 'resource "aws_db_instance" "d" {\n  engine = "mysql"\n}\n' },
    {
      name: 'from a variable',
      code: 'variable "ca" {}\nresource "aws_rds_cluster_instance" "a" {\n  ca_cert_identifier = var.ca\n}\n',
    },
  ],
  invalid: [
    {
      name: 'Aurora member with the 2015 CA',
      code: 'resource "aws_rds_cluster_instance" "a" {\n  ca_cert_identifier = "rds-ca-2015"\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 37, message: 'rds-ca-2015' }],
    },
  ],
});
