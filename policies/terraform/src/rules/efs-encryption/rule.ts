import { booleanRule } from '../../lib/simple.js';

export default booleanRule({
  id: 'terraform/efs-encryption',
  types: ['aws_efs_file_system'],
  attr: 'encrypted',
  missing: (n) => `EFS file system ${n} does not set \`encrypted = true\`.`,
  off: (n) => `EFS file system ${n} sets \`encrypted = false\`.`,
  meta: {
    title: 'EFS file system is not encrypted at rest',
    description: 'An `aws_efs_file_system` does not set `encrypted = true` (the API default is unencrypted).',
    rationale:
      'EFS shares often hold uploads, home directories and build caches for many hosts at once. Encryption at rest can only be chosen when the file system is created, so an unencrypted one has to be migrated to fix. Medium.',
    remediation:
      'Set `encrypted = true` (and `kms_key_id` for a customer-managed key) and migrate the data to the new file system.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: ['https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_efs_file_system" "shared" {\n  creation_token = "shared"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 40 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_efs_file_system" "shared" {\n  creation_token = "shared"\n  encrypted      = true\n}\n',
        },
      ],
    },
  },
});
