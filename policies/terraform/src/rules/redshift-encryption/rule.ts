import { booleanRule } from '../../lib/simple.js';

export default booleanRule({
  id: 'terraform/redshift-encryption',
  types: ['aws_redshift_cluster'],
  attr: 'encrypted',
  off: (n) => `Redshift cluster ${n} sets \`encrypted = false\`.`,
  meta: {
    title: 'Redshift cluster turns encryption off',
    description:
      'An `aws_redshift_cluster` sets `encrypted = false`. Leaving it unset is not reported: Redshift encrypts new clusters by default since 2025 (the provider default since v6).',
    rationale:
      'A warehouse holds more data than any other store in the account, and an unencrypted cluster also leaves its snapshots unencrypted. Writing `false` is a deliberate opt-out. High.',
    remediation:
      'Remove `encrypted = false` or set it to `true` (with `kms_key_id` for a customer-managed key).',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: [],
    references: ['https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier = "dw"\n  node_type          = "ra3.xlplus"\n  encrypted          = false\n}\n',
          errors: [{ line: 4, column: 3, endLine: 4, endColumn: 29 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier = "dw"\n  node_type          = "ra3.xlplus"\n  encrypted          = true\n}\n',
        },
      ],
    },
  },
});
