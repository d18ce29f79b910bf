import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

const versioning = (status: string, bucket = 'aws_s3_bucket.b.id') =>
  `resource "aws_s3_bucket_versioning" "v" {\n  bucket = ${bucket}\n  versioning_configuration {\n    status = ${status}\n  }\n}\n`;

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    `resource "aws_s3_bucket" "b" {}\n${versioning('"Enabled"')}`,
    {
      name: 'legacy inline',
      code: 'resource "aws_s3_bucket" "b" {\n  versioning {\n    enabled = true\n  }\n}\n',
    },
    {
      name: 'unknown status',
      code: `variable "s" {}\nresource "aws_s3_bucket" "b" {}\n${versioning('var.s')}`,
    },
    {
      name: 'status from a module input',
      code: 'module "m" {\n  source = "./m"\n  status = "Enabled"\n}\n',
      files: {
        'm/main.tf': `variable "status" {}\nresource "aws_s3_bucket" "b" {}\n${versioning('var.status')}`,
      },
    },
  ],
  invalid: [
    {
      name: 'no versioning',
      code: 'resource "aws_s3_bucket" "b" {}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 29 }],
    },
    {
      name: 'suspended',
      code: `resource "aws_s3_bucket" "b" {}\n${versioning('"Suspended"')}`,
      errors: [{ line: 5, column: 5, endLine: 5, endColumn: 25, message: '`Suspended`' }],
    },
    {
      name: 'legacy disabled',
      code: 'resource "aws_s3_bucket" "b" {\n  versioning {\n    enabled = false\n  }\n}\n',
      errors: [{ line: 3, column: 5, endLine: 3, endColumn: 20 }],
    },
    {
      name: 'disabled through a module input',
      code: 'module "m" {\n  source = "./m"\n  status = "Disabled"\n}\n',
      files: {
        'm/main.tf': `variable "status" {}\nresource "aws_s3_bucket" "b" {}\n${versioning('var.status')}`,
      },
      errors: [{ file: 'm/main.tf', line: 6, column: 5, endLine: 6, endColumn: 24 }],
    },
  ],
});
