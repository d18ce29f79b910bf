import { asString } from '@plumbline/lang-hcl';
import { booleanRule } from '../../lib/simple.js';

const SUPPORTED = /^(mysql|postgres|mariadb|aurora|aurora-mysql|aurora-postgresql)$/;

export default booleanRule({
  id: 'terraform/rds-iam-auth',
  types: ['aws_db_instance', 'aws_rds_cluster'],
  attr: 'iam_database_authentication_enabled',
  skip: (r) => {
    const engine = asString(r.value('engine'));
    return engine === undefined || !SUPPORTED.test(engine) || r.has('replicate_source_db');
  },
  missing: (n) => `${n} does not enable IAM database authentication.`,
  off: (n) => `${n} sets \`iam_database_authentication_enabled = false\`.`,
  meta: {
    title: 'RDS IAM authentication is off',
    description:
      'A MySQL, MariaDB or PostgreSQL `aws_db_instance`/`aws_rds_cluster` does not set `iam_database_authentication_enabled = true`.',
    rationale:
      'IAM authentication replaces long-lived database passwords with 15-minute tokens tied to IAM roles, so access is audited in CloudTrail and revoked with the role. Defence in depth, hence low.',
    remediation:
      'Set `iam_database_authentication_enabled = true` and grant `rds-db:connect` to the roles that connect.',
    category: 'security',
    severity: 'low',
    confidence: 'medium',
    aliases: ['CKV_AWS_161', 'CKV_AWS_162', 'AWS-0176'],
    references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 32 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "db" {\n  engine                              = "postgres"\n  iam_database_authentication_enabled = true\n}\n',
        },
      ],
    },
  },
});
