import { defineRule } from '@plumbline/core';
import { isUnknown } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/secretsmanager-rotation',
  domain: terraformDomain,
  meta: {
    title: 'Secrets Manager secret is never rotated',
    description:
      'An `aws_secretsmanager_secret` has no `aws_secretsmanager_secret_rotation` in the module. A rotation resource whose secret cannot be resolved counts as rotating every secret.',
    rationale:
      'A secret that never changes stays valid in every log line, laptop and former employee’s memory it ever reached; rotation bounds how long a leak is useful. Some secrets (third-party API keys) cannot be rotated by a Lambda, hence low with low confidence.',
    remediation:
      'Add an `aws_secretsmanager_secret_rotation` with a rotation Lambda (AWS provides ones for RDS, Redshift and DocumentDB) and `rotation_rules { automatically_after_days = 30 }`, or use `manage_master_user_password` for RDS.',
    category: 'security',
    severity: 'low',
    confidence: 'low',
    aliases: [],
    references: ['https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_secretsmanager_secret" "db" {\n  name = "prod/orders/db"\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 42 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_secretsmanager_secret" "db" {\n  name = "prod/orders/db"\n}\nresource "aws_secretsmanager_secret_rotation" "db" {\n  secret_id           = aws_secretsmanager_secret.db.id\n  rotation_lambda_arn = aws_lambda_function.rotate_db.arn\n  rotation_rules {\n    automatically_after_days = 30\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    const rotated = module.resourcesOf('aws_secretsmanager_secret_rotation').map((r) => r.value('secret_id'));
    if (rotated.some((v) => !isUnknown(v) || !v.ref?.address.startsWith('aws_secretsmanager_secret.')))
      return;
    for (const s of module.resourcesOf('aws_secretsmanager_secret')) {
      if (rotated.some((v) => s.isReferencedBy(v))) continue;
      reportOn(ctx, s, s.headerLoc, `Secret ${nameOf(s)} is never rotated.`);
    }
  },
});
