import type { ModuleTable } from './table.js';

const AWS_MANAGED_KEY = '(^|:)alias/aws/';

/**
 * terraform-aws-modules/sqs/aws. v4 defaults `sqs_managed_sse_enabled` to true (AWS's own default
 * since 2022); v3's `false` default is not used, because the provider then leaves the attribute to
 * AWS. Only the main queue is read, not the `dlq_*` inputs of the dead-letter queue it can create.
 */
export const sqs: ModuleTable = {
  source: 'terraform-aws-modules/sqs/aws',
  repository: 'terraform-aws-modules/terraform-aws-sqs',
  latest: '5.0.0',
  creates: ['create'],
  docs: [
    'https://registry.terraform.io/modules/terraform-aws-modules/sqs/aws/latest?tab=inputs',
    'https://github.com/terraform-aws-modules/terraform-aws-sqs/blob/master/UPGRADE-4.0.md (sqs_managed_sse_enabled default false -> true in v4.0.0)',
  ],
  inputs: [
    {
      rule: 'terraform/sqs-queue-encryption',
      input: 'sqs_managed_sse_enabled',
      insecure: { equals: false },
      when: { input: 'kms_master_key_id', is: { empty: true }, defaults: [{ value: null }] },
      consequence: 'SSE-SQS is off and no KMS key is set: messages are stored unencrypted',
    },
    {
      rule: 'terraform/sqs-queue-kms-cmk',
      input: 'kms_master_key_id',
      insecure: { anyOf: [{ empty: true }, { anyMatches: AWS_MANAGED_KEY }] },
      defaults: [{ value: null }],
      // A queue with encryption switched off is the other rule's finding.
      when: { input: 'sqs_managed_sse_enabled', is: { not: { equals: false } }, defaults: [{ value: true }] },
      consequence: 'the queue is not encrypted with a customer-managed KMS key',
    },
  ],
};
