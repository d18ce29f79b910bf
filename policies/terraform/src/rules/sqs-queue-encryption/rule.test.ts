import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    { name: 'default SSE-SQS', code: 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n' },
    {
      name: 'SSE-SQS explicitly on',
      code: 'resource "aws_sqs_queue" "jobs" {\n  name                    = "jobs"\n  sqs_managed_sse_enabled = true\n}\n',
    },
    {
      name: 'KMS key with SSE-SQS flag off',
      code: 'resource "aws_sqs_queue" "jobs" {\n  name                    = "jobs"\n  sqs_managed_sse_enabled = false\n  kms_master_key_id       = "alias/aws/sqs"\n}\n',
    },
    {
      name: 'unknown flag',
      code: 'variable "sse" {}\nresource "aws_sqs_queue" "jobs" {\n  sqs_managed_sse_enabled = var.sse\n}\n',
    },
  ],
  invalid: [
    {
      name: 'flag off from a variable default',
      code: 'variable "encrypt" {\n  default = false\n}\nresource "aws_sqs_queue" "dlq" {\n  name                    = "jobs-dlq"\n  sqs_managed_sse_enabled = var.encrypt\n}\n',
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 40, message: 'aws_sqs_queue.dlq' }],
    },
  ],
});
