import { defineRule } from '@plumbline/core';
import { asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';
import { embeddedSecret, looksSecret, SECRET_NAME, shown } from '../../lib/secrets.js';

export default defineRule({
  id: 'terraform/hardcoded-secrets',
  domain: terraformDomain,
  meta: {
    title: 'Secret written in a resource',
    description:
      'A resource sets a secret attribute (`password`, `master_password`, `secret_string`, `token`, `private_key`, ...) to a value written in the code (a literal, a local or a variable default), or any attribute to a private key or AWS access key id. The value is redacted in the output.',
    rationale:
      'A password in the code is in Git history forever and in the state file in clear text; every reader of the repository has the database. Generate it (`random_password`), keep it in Secrets Manager (`manage_master_user_password = true` for RDS) or pass it in at apply time. High.',
    remediation:
      'Remove the value, rotate the secret, and use `manage_master_user_password = true`, `random_password`, or a variable without default marked `sensitive`.',
    category: 'security',
    severity: 'high',
    confidence: 'medium',
    aliases: ['AWS-0029', 'AWS-0129', 'CKV_AWS_46'],
    references: ['https://developer.hashicorp.com/terraform/language/manage-sensitive-data'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "db" {\n  engine   = "postgres"\n  username = "app"\n  password = "Sup3rS3cret!"\n}\n',
          errors: [{ line: 4, column: 3, endLine: 4, endColumn: 28 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_db_instance" "db" {\n  engine                      = "postgres"\n  username                    = "app"\n  manage_master_user_password = true\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const r of module.resources) {
      if (!r.exists) continue;
      for (const a of r.block.attributes) {
        const value = asString(r.value(a.name));
        if (value === undefined || typeof r.value(a.name) !== 'string') continue;
        const kind = SECRET_NAME.test(a.name) && looksSecret(value) ? `\`${a.name}\`` : embeddedSecret(value);
        if (!kind) continue;
        reportOn(
          ctx,
          r,
          a,
          `${nameOf(r)} has ${kind} written in the code (${shown(value)}).`,
          `${a.name}:${shown(value)}`,
        );
      }
    }
  },
});
