import { DEPRECATED_RUNTIMES } from '../lib/lambda-runtimes.js';
import type { ModuleTable, Predicate } from './table.js';

const unset: Predicate = { empty: true };

/** The log group the module creates for the function unless told to use an existing one. */
const ownLogGroup = {
  input: 'use_existing_cloudwatch_log_group',
  is: { equals: false },
  defaults: [{ value: false }],
};

/**
 * terraform-aws-modules/lambda/aws: one `aws_lambda_function` (and its log group) per call. The
 * inputs below have kept their names and defaults across majors. `create_role = false` only means
 * "bring your own IAM role", so it is not a reason to skip the call.
 */
export const lambda: ModuleTable = {
  source: 'terraform-aws-modules/lambda/aws',
  repository: 'terraform-aws-modules/terraform-aws-lambda',
  latest: '8.0.0',
  creates: ['create', 'create_function'],
  docs: [
    'https://registry.terraform.io/modules/terraform-aws-modules/lambda/aws/latest?tab=inputs',
    'https://github.com/terraform-aws-modules/terraform-aws-lambda/blob/master/variables.tf (tracing_mode, dead_letter_target_arn, kms_key_arn, code_signing_config_arn, cloudwatch_logs_* default null; environment_variables {}; package_type "Zip")',
    'https://github.com/terraform-aws-modules/terraform-aws-lambda/blob/master/main.tf (aws_cloudwatch_log_group.lambda unless use_existing_cloudwatch_log_group)',
  ],
  inputs: [
    {
      rule: 'terraform/lambda-xray-tracing',
      input: 'tracing_mode',
      // null leaves out `tracing_config`; PassThrough only forwards an upstream trace.
      insecure: { anyOf: [unset, { equals: 'PassThrough' }] },
      defaults: [{ value: null }],
      consequence: 'the function is not traced with X-Ray (`tracing_mode = "Active"`)',
    },
    {
      rule: 'terraform/lambda-dlq',
      input: 'dead_letter_target_arn',
      insecure: unset,
      defaults: [{ value: null }],
      // An on-failure destination (`create_async_event_config`) keeps failed events too.
      when: { input: 'destination_on_failure', is: unset, defaults: [{ value: null }] },
      consequence:
        'failed asynchronous invocations are dropped (no dead-letter queue or on-failure destination)',
    },
    {
      rule: 'terraform/lambda-env-kms',
      input: 'kms_key_arn',
      insecure: unset,
      defaults: [{ value: null }],
      when: { input: 'environment_variables', is: { not: unset }, defaults: [{ value: {} }] },
      consequence: 'the environment variables are encrypted with the AWS-managed Lambda key only',
    },
    {
      rule: 'terraform/lambda-code-signing',
      input: 'code_signing_config_arn',
      insecure: unset,
      defaults: [{ value: null }],
      // Code signing does not apply to container images.
      when: { input: 'package_type', is: { equals: 'Zip' }, defaults: [{ value: 'Zip' }] },
      consequence: 'the function accepts unsigned code packages',
    },
    {
      rule: 'terraform/lambda-deprecated-runtime',
      input: 'runtime',
      insecure: { containsAny: [...DEPRECATED_RUNTIMES] },
      consequence: 'the runtime is deprecated and no longer patched',
    },
    {
      rule: 'terraform/cloudwatch-log-group-kms',
      input: 'cloudwatch_logs_kms_key_id',
      insecure: unset,
      defaults: [{ value: null }],
      when: ownLogGroup,
      consequence: 'the function’s log group is not encrypted with a customer-managed KMS key',
    },
    {
      rule: 'terraform/cloudwatch-log-group-retention',
      input: 'cloudwatch_logs_retention_in_days',
      insecure: { anyOf: [unset, { equals: 0 }] },
      defaults: [{ value: null }],
      when: ownLogGroup,
      consequence: 'the function’s log group keeps logs forever',
    },
  ],
};
