import { booleanRule } from '../../lib/simple.js';

export default booleanRule({
  id: 'terraform/docdb-encryption',
  types: ['aws_docdb_cluster'],
  attr: 'storage_encrypted',
  missing: (n) => `DocumentDB cluster ${n} does not set \`storage_encrypted = true\`.`,
  off: (n) => `DocumentDB cluster ${n} sets \`storage_encrypted = false\`.`,
  meta: {
    title: 'DocumentDB cluster storage is not encrypted',
    description: 'An `aws_docdb_cluster` does not set `storage_encrypted = true` (the default is false).',
    rationale:
      'The cluster volume, its automated backups and snapshots are all unencrypted, and encryption cannot be turned on later without restoring into a new cluster. Document stores usually hold customer records. High.',
    remediation:
      'Set `storage_encrypted = true` (with `kms_key_id` for a customer-managed key) when creating the cluster; for an existing one, restore an encrypted copy of a snapshot.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: [],
    references: ['https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_docdb_cluster" "catalog" {\n  cluster_identifier = "catalog"\n  engine             = "docdb"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 39 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_docdb_cluster" "catalog" {\n  cluster_identifier = "catalog"\n  engine             = "docdb"\n  storage_encrypted  = true\n}\n',
        },
      ],
    },
  },
});
