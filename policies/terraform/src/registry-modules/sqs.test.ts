import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import queueEncryption from '../rules/sqs-queue-encryption/rule.js';
import queueKmsCmk from '../rules/sqs-queue-kms-cmk/rule.js';

/** A call of terraform-aws-modules/sqs/aws as its README writes it. */
const sqs = (args = '', version = '~> 4.0') =>
  `module "orders_queue" {\n  source  = "terraform-aws-modules/sqs/aws"\n  version = "${version}"\n\n  name       = "orders"\n  create_dlq = true\n${args}}\n`;

const tester = new RuleTester([hclLanguage]);

tester.run(queueEncryption, {
  valid: [
    { name: 'SSE-SQS is the v4 default', code: sqs() },
    { name: 'hardened: a customer-managed key', code: sqs('  kms_master_key_id = aws_kms_key.queues.arn\n') },
    {
      name: 'SSE-SQS off but a KMS key set',
      code: sqs('  sqs_managed_sse_enabled = false\n  kms_master_key_id       = aws_kms_key.queues.arn\n'),
    },
  ],
  invalid: [
    {
      name: 'SSE-SQS turned off without a key, reported at the argument',
      code: sqs('  sqs_managed_sse_enabled = false\n'),
      errors: [
        { line: 7, column: 3, endLine: 7, endColumn: 34, message: 'sets `sqs_managed_sse_enabled = false`' },
      ],
    },
  ],
});

tester.run(queueKmsCmk, {
  valid: [
    { name: 'hardened: a customer-managed key', code: sqs('  kms_master_key_id = aws_kms_key.queues.arn\n') },
    { name: 'encryption off is the other rule’s finding', code: sqs('  sqs_managed_sse_enabled = false\n') },
    { name: 'an unknown key', code: sqs('  kms_master_key_id = var.kms_key_id\n') },
  ],
  invalid: [
    {
      name: 'the AWS-managed key, reported at the argument',
      code: sqs('  kms_master_key_id = "alias/aws/sqs"\n'),
      errors: [
        {
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 38,
          message: 'sets `kms_master_key_id = "alias/aws/sqs"`',
        },
      ],
    },
    {
      name: 'SQS-managed encryption only (the default), reported at the module block',
      code: sqs(),
      errors: [
        {
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 22,
          message: "leaves `kms_master_key_id` at the module's default `null`",
        },
      ],
    },
  ],
});
