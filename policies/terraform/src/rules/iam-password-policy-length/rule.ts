import { defineRule } from '@plumbline/core';
import { asNumber } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/iam-password-policy-length',
  domain: terraformDomain,
  meta: {
    title: 'IAM password policy allows short passwords',
    description:
      '`aws_iam_account_password_policy` sets `minimum_password_length` below 14 (or leaves the AWS default of 8).',
    rationale:
      'Short console passwords are guessable offline and by credential stuffing; CIS asks for at least 14 characters. Medium: MFA, if enforced, limits the damage.',
    remediation: 'Set `minimum_password_length = 14` or more (and require MFA for console users).',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['CKV_AWS_10', 'AWS-0063'],
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_iam_account_password_policy" "strict" {\n  minimum_password_length = 8\n  require_symbols         = true\n}\n',
          errors: [{ line: 2, column: 3, endLine: 2, endColumn: 30 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_iam_account_password_policy" "strict" {\n  minimum_password_length = 14\n  require_symbols         = true\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const r of module.resourcesOf('aws_iam_account_password_policy')) {
      const a = r.attr('minimum_password_length');
      if (!a) {
        reportOn(
          ctx,
          r,
          r.headerLoc,
          `${nameOf(r)} does not set \`minimum_password_length\` (AWS default: 8).`,
        );
        continue;
      }
      const n = asNumber(r.value('minimum_password_length'));
      if (n !== undefined && n < 14)
        reportOn(ctx, r, a, `${nameOf(r)} allows passwords of ${n} characters; use at least 14.`);
    }
  },
});
