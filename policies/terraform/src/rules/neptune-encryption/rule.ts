import { booleanRule } from '../../lib/simple.js';

export default booleanRule({
  id: 'terraform/neptune-encryption',
  types: ['aws_neptune_cluster'],
  attr: 'storage_encrypted',
  missing: (n) => `Neptune cluster ${n} does not set \`storage_encrypted = true\`.`,
  off: (n) => `Neptune cluster ${n} sets \`storage_encrypted = false\`.`,
  meta: {
    title: 'Neptune cluster storage is not encrypted',
    description: 'An `aws_neptune_cluster` does not set `storage_encrypted = true` (the default is false).',
    rationale:
      'The graph, its backups and snapshots are stored unencrypted, and encryption can only be chosen at creation. Graphs often model identities, relationships and fraud signals. High.',
    remediation:
      'Set `storage_encrypted = true` (with `kms_key_arn` for a customer-managed key) when creating the cluster.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: [],
    references: ['https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_neptune_cluster" "graph" {\n  cluster_identifier = "graph"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 39 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_neptune_cluster" "graph" {\n  cluster_identifier = "graph"\n  storage_encrypted  = true\n}\n',
        },
      ],
    },
  },
});
