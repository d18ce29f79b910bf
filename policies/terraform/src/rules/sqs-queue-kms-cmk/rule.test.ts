import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'customer-managed key by alias',
      code: 'resource "aws_sqs_queue" "jobs" {\n  name              = "jobs"\n  kms_master_key_id = "alias/orders-queues"\n}\n',
    },
    {
      name: 'key from a variable without default',
      code: 'variable "kms_key_arn" {}\nresource "aws_sqs_queue" "jobs" {\n  kms_master_key_id = var.kms_key_arn\n}\n',
    },
    {
      name: 'encryption off is the other rule',
      code: 'resource "aws_sqs_queue" "jobs" {\n  sqs_managed_sse_enabled = false\n}\n',
    },
  ],
  invalid: [
    {
      name: 'SQS-managed encryption only',
      code: 'resource "aws_sqs_queue" "jobs" {\n  name                    = "jobs"\n  sqs_managed_sse_enabled = true\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 32 }],
    },
    {
      name: 'AWS-managed key by ARN',
      code: 'resource "aws_sqs_queue" "jobs" {\n  kms_master_key_id = "arn:aws:kms:eu-west-1:111122223333:alias/aws/sqs"\n}\n',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 73 }],
    },
  ],
});
