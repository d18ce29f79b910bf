import { isAuroraInstance } from '../../lib/rds-engines.js';
import { booleanRule } from '../../lib/simple.js';

export default booleanRule({
  id: 'terraform/rds-copy-tags-to-snapshot',
  types: ['aws_db_instance', 'aws_rds_cluster'],
  attr: 'copy_tags_to_snapshot',
  skip: (r) => r.resourceType === 'aws_db_instance' && isAuroraInstance(r),
  missing: (n) => `Database ${n} does not copy its tags to snapshots.`,
  off: (n) => `Database ${n} sets \`copy_tags_to_snapshot = false\`.`,
  meta: {
    title: 'RDS database does not copy tags to its snapshots',
    description:
      'An `aws_db_instance` or `aws_rds_cluster` does not set `copy_tags_to_snapshot = true` (the default is false). Aurora member instances, whose snapshots belong to the cluster, are not reported.',
    rationale:
      'Snapshots without tags lose their owner, environment and data-classification labels: tag-based access policies (ABAC) and backup or retention policies no longer apply to them, and nobody knows whether an old snapshot holds production data. Low.',
    remediation: 'Set `copy_tags_to_snapshot = true`.',
    category: 'best-practice',
    severity: 'low',
    confidence: 'high',
    aliases: ['CKV2_AWS_60', 'CKV_AWS_313'],
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Tagging.html#USER_Tagging.CopyTags',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "orders" {\n  identifier = "orders"\n  engine     = "postgres"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 36 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "orders" {\n  identifier            = "orders"\n  engine                = "postgres"\n  copy_tags_to_snapshot = true\n}\n',
        },
      ],
    },
  },
});
