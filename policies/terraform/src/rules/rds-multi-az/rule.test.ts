import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'not production', code: 'resource "aws_db_instance" "db" {\n  identifier = "orders-dev"\n}\n' },
    { name: 'unknown environment', code: 'variable "environment" {}\nresource "aws_db_instance" "db" {}\n' },
    {
      name: 'production word inside another word',
      code: 'resource "aws_db_instance" "db" {\n  identifier = "product-catalog"\n}\n',
    },
  ],
  invalid: [
    {
      name: 'environment variable from tfvars',
      code: 'variable "environment" {}\nresource "aws_db_instance" "db" {\n  multi_az = false\n}\n',
      files: { 'terraform.tfvars': 'environment = "production"\n' },
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 19 }],
    },
    {
      name: 'prod directory',
      filename: 'envs/prod/db.tf',
      code: 'resource "aws_db_instance" "db" {}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 32 }],
    },
    {
      name: 'Environment tag',
      code: 'resource "aws_db_instance" "db" {\n  tags = { Environment = "prod" }\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 32 }],
    },
  ],
});
