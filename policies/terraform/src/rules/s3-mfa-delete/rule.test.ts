import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'versioning suspended',
      code: 'resource "aws_s3_bucket_versioning" "v" {\n  bucket = aws_s3_bucket.b.id\n  versioning_configuration {\n    status = "Suspended"\n  }\n}\n',
    },
    {
      name: 'status from a variable',
      code: 'variable "status" {}\nresource "aws_s3_bucket_versioning" "v" {\n  bucket = aws_s3_bucket.b.id\n  versioning_configuration {\n    status = var.status\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'legacy inline versioning, explicitly without MFA',
      code: 'resource "aws_s3_bucket" "b" {\n  bucket = "acme-records"\n  versioning {\n    enabled    = true\n    mfa_delete = false\n  }\n}\n',
      errors: [{ line: 5, column: 5, endLine: 5, endColumn: 23 }],
    },
  ],
});
