import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'KMS with the AWS-managed key',
      code: 'resource "aws_ecr_repository" "api" {\n  encryption_configuration {\n    encryption_type = "KMS"\n  }\n}\n',
    },
    {
      name: 'type from a variable',
      code: 'variable "enc" {}\nresource "aws_ecr_repository" "api" {\n  encryption_configuration {\n    encryption_type = var.enc\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'no configuration',
      code: 'resource "aws_ecr_repository" "api" {\n  name = "api"\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 36 }],
    },
    {
      name: 'empty configuration block',
      code: 'resource "aws_ecr_repository" "api" {\n  encryption_configuration {\n  }\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 27 }],
    },
  ],
});
