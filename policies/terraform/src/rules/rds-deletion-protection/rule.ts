import { booleanRule } from '../../lib/simple.js';

export default booleanRule({
  id: 'terraform/rds-deletion-protection',
  types: ['aws_db_instance', 'aws_rds_cluster'],
  attr: 'deletion_protection',
  missing: (n) => `${n} does not set \`deletion_protection = true\`.`,
  off: (n) => `${n} sets \`deletion_protection = false\`.`,
  meta: {
    title: 'RDS deletion protection is off',
    description: 'An `aws_db_instance` or `aws_rds_cluster` does not set `deletion_protection = true`.',
    rationale:
      'A renamed resource, a wrong workspace or a `terraform destroy` deletes the database (and, with `skip_final_snapshot`, its data) in one apply. Deletion protection makes that a two-step, deliberate act. Medium: a reliability control.',
    remediation: 'Set `deletion_protection = true` on production databases.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'medium',
    aliases: ['CKV_AWS_293', 'CKV_AWS_139', 'AWS-0177', 'AWS-0343'],
    references: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeleteInstance.DeletionProtection',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_rds_cluster" "db" {\n  engine              = "aurora-postgresql"\n  deletion_protection = false\n}\n',
          errors: [{ line: 3, column: 3, endLine: 3, endColumn: 30 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_rds_cluster" "db" {\n  engine              = "aurora-postgresql"\n  deletion_protection = true\n}\n',
        },
      ],
    },
  },
});
