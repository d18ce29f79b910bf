import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'classic selector scoped to one bucket',
      code: 'resource "aws_cloudtrail" "main" {\n  name = "main"\n  event_selector {\n    read_write_type           = "All"\n    include_management_events = true\n    data_resource {\n      type   = "AWS::S3::Object"\n      values = ["${aws_s3_bucket.pii.arn}/"]\n    }\n  }\n}\n',
    },
    {
      name: 'a second trail records them',
      code: 'resource "aws_cloudtrail" "management" {\n  name = "management"\n}\nresource "aws_cloudtrail" "data" {\n  name = "data"\n  event_selector {\n    data_resource {\n      type   = "AWS::S3::Object"\n      values = ["arn:aws:s3"]\n    }\n  }\n}\n',
    },
    {
      name: 'selector types from a variable',
      code: 'variable "types" {}\nresource "aws_cloudtrail" "main" {\n  advanced_event_selector {\n    field_selector {\n      field  = "resources.type"\n      equals = var.types\n    }\n  }\n}\n',
    },
  ],
  invalid: [
    {
      name: 'only Lambda data events',
      code: 'resource "aws_cloudtrail" "main" {\n  name = "main"\n  event_selector {\n    data_resource {\n      type   = "AWS::Lambda::Function"\n      values = ["arn:aws:lambda"]\n    }\n  }\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 33 }],
    },
  ],
});
