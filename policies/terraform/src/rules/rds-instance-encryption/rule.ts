import { inheritsFromSource } from '../../lib/rds.js';
import { booleanRule } from '../../lib/simple.js';

export default booleanRule({
  id: 'terraform/rds-instance-encryption',
  types: ['aws_db_instance'],
  attr: 'storage_encrypted',
  skip: inheritsFromSource,
  missing: (n) => `RDS instance ${n} does not set \`storage_encrypted = true\` (the default is false).`,
  off: (n) => `RDS instance ${n} sets \`storage_encrypted = false\`.`,
  meta: {
    title: 'RDS instance storage is not encrypted',
    description:
      'An `aws_db_instance` does not set `storage_encrypted = true`. Read replicas and restores, which inherit encryption, are not reported.',
    rationale:
      'Unencrypted database storage and its snapshots can be shared to another account and read. Encryption cannot be turned on later without a snapshot-restore migration, so it must be right at creation. High.',
    remediation:
      'Set `storage_encrypted = true` (and `kms_key_id` for a customer-managed key) when creating the instance.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['CKV_AWS_16', 'AWS-0080'],
    references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "db" {\n  engine         = "postgres"\n  instance_class = "db.t4g.micro"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 32 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "db" {\n  engine            = "postgres"\n  instance_class    = "db.t4g.micro"\n  storage_encrypted = true\n}\n',
        },
      ],
    },
  },
});
