import { asString } from '@plumbline/lang-hcl';
import { inheritsFromSource } from '../../lib/rds.js';
import { booleanRule } from '../../lib/simple.js';

export default booleanRule({
  id: 'terraform/rds-cluster-encryption',
  types: ['aws_rds_cluster', 'aws_docdb_cluster', 'aws_neptune_cluster'],
  attr: 'storage_encrypted',
  skip: (r) =>
    inheritsFromSource(r) ||
    asString(r.value('engine_mode')) === 'serverless' ||
    r.has('global_cluster_identifier'),
  missing: (n) => `Cluster ${n} does not set \`storage_encrypted = true\` (the default is false).`,
  off: (n) => `Cluster ${n} sets \`storage_encrypted = false\`.`,
  meta: {
    title: 'RDS/Aurora cluster storage is not encrypted',
    description:
      'An `aws_rds_cluster` (or DocumentDB/Neptune cluster) does not set `storage_encrypted = true`. Serverless v1 clusters (always encrypted), restores and global secondaries are not reported.',
    rationale:
      'As for instances: unencrypted cluster volumes and snapshots are readable wherever they are copied, and encryption can only be set at creation. High.',
    remediation: 'Set `storage_encrypted = true` (and `kms_key_id`) when creating the cluster.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['CKV_AWS_96', 'AWS-0079'],
    references: ['https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_rds_cluster" "db" {\n  engine = "aurora-postgresql"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 32 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_rds_cluster" "db" {\n  engine            = "aurora-postgresql"\n  storage_encrypted = true\n}\n',
        },
      ],
    },
  },
});
