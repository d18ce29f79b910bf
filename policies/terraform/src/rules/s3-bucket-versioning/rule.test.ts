import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

const versioning = (status: string, bucket = 'aws_s3_bucket.b.id') =>
  `resource "aws_s3_bucket_versioning" "v" {\n  bucket = ${bucket}\n  versioning_configuration {\n    status = ${status}\n  }\n}\n`;

const s3Module = (version: string, args = '') =>
  `module "m" {\n  source  = "terraform-aws-modules/s3-bucket/aws"\n  version = "${version}"\n${args}}\n`;

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'hardened: S3 bucket module with versioning',
      code: s3Module('~> 4.0', '  versioning = {\n    enabled = true\n  }\n'),
    },
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
    {
      name: 'companion named by the same input as the bucket',
      code: `variable "name" {}\nresource "aws_s3_bucket" "b" {\n  bucket = var.name\n}\n${versioning('"Enabled"', 'var.name')}`,
    },
    {
      name: 'hardened: companion of unknown target leaves an unversioned bucket unreported',
      code: `data "aws_s3_bucket" "x" {\n  bucket = "x"\n}\nresource "aws_s3_bucket" "b" {}\n${versioning('"Enabled"', 'data.aws_s3_bucket.x.id')}`,
    },
  ],
  invalid: [
    {
      name: 'S3 bucket module without versioning',
      code: s3Module('~> 4.0'),
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 11, message: 'default `{}`' }],
    },
    {
      name: 'S3 bucket module with versioning suspended',
      code: s3Module('~> 4.0', '  versioning = {\n    status = "Suspended"\n  }\n'),
      errors: [{ line: 4, column: 3, endLine: 6, endColumn: 4 }],
    },
    {
      name: "a companion for the caller's bucket (var.x) does not silence this module's bucket",
      code: `variable "existing_bucket" {}\nresource "aws_s3_bucket" "b" {}\n${versioning('"Enabled"', 'var.existing_bucket')}`,
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 29, message: 'has no versioning' }],
    },
    {
      name: 'a linked Suspended is reported even next to an unresolved companion',
      code: `variable "existing_bucket" {}\nresource "aws_s3_bucket" "b" {}\n${versioning('"Suspended"')}resource "aws_s3_bucket_versioning" "other" {\n  bucket = data.aws_s3_bucket.x.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n`,
      errors: [{ line: 6, column: 5, endLine: 6, endColumn: 25, message: '`Suspended`' }],
    },
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
      name: 'disabled through a module input: reported at the call argument',
      code: 'module "m" {\n  source = "./m"\n  status = "Disabled"\n}\n',
      files: {
        'm/main.tf': `variable "status" {}\nresource "aws_s3_bucket" "b" {}\n${versioning('var.status')}`,
      },
      errors: [{ file: 'main.tf', line: 3, column: 3, endLine: 3, endColumn: 22 }],
    },
  ],
});
