import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'AWS-managed key still encrypts',
      code: 'resource "aws_sns_topic" "events" {\n  name              = "events"\n  kms_master_key_id = "alias/aws/sns"\n}\n',
    },
    {
      name: 'key from a variable',
      code: 'variable "key" {}\nresource "aws_sns_topic" "events" {\n  kms_master_key_id = var.key\n}\n',
    },
    { name: 'count = 0', code: 'resource "aws_sns_topic" "events" {\n  count = 0\n}\n' },
  ],
  invalid: [
    {
      name: 'FIFO topic without key',
      code: 'resource "aws_sns_topic" "events" {\n  name                        = "events.fifo"\n  fifo_topic                  = true\n  content_based_deduplication = true\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 34, message: 'aws_sns_topic.events' }],
    },
  ],
});
