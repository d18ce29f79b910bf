import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'queue is the DLQ of a Lambda function',
      code: 'resource "aws_sqs_queue" "failed_events" {\n  name = "failed-events"\n}\nresource "aws_lambda_function" "worker" {\n  function_name = "worker"\n  dead_letter_config {\n    target_arn = aws_sqs_queue.failed_events.arn\n  }\n}\n',
    },
    {
      name: 'separate redrive policy resource',
      code: 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\nresource "aws_sqs_queue_redrive_policy" "jobs" {\n  queue_url = aws_sqs_queue.jobs.id\n  redrive_policy = jsonencode({\n    deadLetterTargetArn = aws_sqs_queue.jobs_dlq.arn\n    maxReceiveCount     = 4\n  })\n}\nresource "aws_sqs_queue" "jobs_dlq" {\n  name = "jobs-dlq"\n}\n',
    },
    {
      name: 'failure destination passed to a module',
      code: 'resource "aws_sqs_queue" "errors" {\n  name = "${var.prefix}-errors"\n}\nmodule "lambda" {\n  source = "./modules/lambda"\n  event_source_mapping = {\n    sqs = {\n      event_source_arn           = aws_sqs_queue.jobs.arn\n      destination_arn_on_failure = aws_sqs_queue.errors.arn\n    }\n  }\n}\n',
    },
    {
      name: 'named as a dead-letter queue',
      code: 'resource "aws_sqs_queue" "q" {\n  name = "payments-deadletter"\n}\n',
    },
  ],
  invalid: [
    {
      name: 'queue consumed by Lambda, no redrive',
      code: 'resource "aws_sqs_queue" "jobs" {\n  name                       = "jobs"\n  visibility_timeout_seconds = 120\n}\nresource "aws_lambda_event_source_mapping" "jobs" {\n  event_source_arn = aws_sqs_queue.jobs.arn\n  function_name    = aws_lambda_function.worker.arn\n}\n',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 32 }],
    },
  ],
});
