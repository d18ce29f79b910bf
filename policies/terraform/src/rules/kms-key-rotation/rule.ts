import { asString } from '@plumbline/lang-hcl';
import { booleanRule } from '../../lib/simple.js';

export default booleanRule({
  id: 'terraform/kms-key-rotation',
  types: ['aws_kms_key'],
  attr: 'enable_key_rotation',
  skip: (r) => {
    const spec = asString(r.value('customer_master_key_spec') ?? 'SYMMETRIC_DEFAULT');
    const usage = asString(r.value('key_usage') ?? 'ENCRYPT_DECRYPT');
    return spec !== 'SYMMETRIC_DEFAULT' || usage !== 'ENCRYPT_DECRYPT';
  },
  missing: (n) => `KMS key ${n} does not enable automatic rotation.`,
  off: (n) => `KMS key ${n} sets \`enable_key_rotation = false\`.`,
  meta: {
    title: 'KMS key rotation is off',
    description:
      'A symmetric `aws_kms_key` does not set `enable_key_rotation = true`. Asymmetric and HMAC keys, which AWS cannot rotate, are not reported.',
    rationale:
      'Rotation limits how much data one key version protects and is required by CIS and PCI. It is free of operational cost for symmetric keys (old versions keep decrypting). Medium.',
    remediation: 'Set `enable_key_rotation = true` (optionally `rotation_period_in_days`).',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['CKV_AWS_7', 'AWS-0065'],
    references: ['https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_kms_key" "data" {\n  description = "data"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 30 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_kms_key" "data" {\n  description         = "data"\n  enable_key_rotation = true\n}\n',
        },
      ],
    },
  },
});
