import { defineRule } from '@plumbline/core';
import { asString } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { reportOnce } from '../../lib/report.js';
import { embeddedSecret, looksSecret, SECRET_NAME, shown } from '../../lib/secrets.js';

export default defineRule({
  id: 'terraform/provider-hardcoded-credentials',
  domain: terraformDomain,
  meta: {
    title: 'Credentials written in a provider block',
    description:
      'A `provider` block sets a credential (`access_key`, `secret_key`, `token`, `password`, `client_secret`, ...) to a value written in the code (a literal, a local or a variable default). The value is redacted in the output.',
    rationale:
      'Credentials in Terraform code end up in Git history, CI logs and every clone of the repository, and are rarely rotated. Providers read credentials from the environment, instance roles or OIDC instead. Critical: the key is as good as published.',
    remediation:
      'Remove the credential from the code, rotate it now, and let the provider take credentials from the environment, a profile, an assumed role or OIDC.',
    category: 'security',
    severity: 'critical',
    confidence: 'high',
    aliases: ['CKV_AWS_41'],
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs#authentication-and-configuration',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'provider "aws" {\n  region     = "eu-west-1"\n  access_key = "AKIAIOSFODNN7EXAMPLE"\n  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\n}\n',
          errors: [
            { line: 3, column: 3, endLine: 3, endColumn: 38 },
            { line: 4, column: 3, endLine: 4, endColumn: 58 },
          ],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'provider "aws" {\n  region = "eu-west-1"\n  assume_role {\n    role_arn = "arn:aws:iam::123456789012:role/terraform"\n  }\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const p of module.providers) {
      for (const a of p.block.attributes) {
        const value = asString(p.value(a.name));
        if (value === undefined) continue;
        const kind = SECRET_NAME.test(a.name) && looksSecret(value) ? `\`${a.name}\`` : embeddedSecret(value);
        if (!kind) continue;
        reportOnce(ctx, module, {
          at: a,
          message: `Provider \`${p.labels[0]}\` has ${kind} written in the code (${shown(value)}).`,
          evidence: `${a.name}:${shown(value)}`,
          container: p.loc,
        });
      }
    }
  },
});
