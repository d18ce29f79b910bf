import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { identityPolicies, isAdminStatement } from '../../lib/iam.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/iam-policy-admin',
  domain: terraformDomain,
  meta: {
    title: 'IAM policy grants full administrator access',
    description: 'An IAM policy has an `Allow` statement with `Action: "*"` on `Resource: "*"`.',
    rationale:
      'A `*:*` policy is full control of the account: whoever holds it can read every secret, delete every resource and create new credentials for themselves. Least privilege is the main control against a stolen credential becoming a full breach, hence critical.',
    remediation:
      'Grant only the actions and resources the principal needs; reserve administrator access for a break-glass role behind MFA.',
    category: 'security',
    severity: 'critical',
    confidence: 'high',
    aliases: ['CKV_AWS_1', 'CKV_AWS_62', 'AWS-0057'],
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_iam_policy" "ci" {\n  name = "ci"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]\n  })\n}\n',
          errors: [{ line: 5, column: 38, endLine: 5, endColumn: 50 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_iam_policy" "ci" {\n  name = "ci"\n  policy = jsonencode({\n    Version   = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = ["ecr:PutImage"], Resource = aws_ecr_repository.app.arn }]\n  })\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const { owner, statements } of identityPolicies(module)) {
      for (const s of statements) {
        if (isAdminStatement(s))
          reportOn(
            ctx,
            owner,
            s.action!.loc,
            `${nameOf(owner)} allows every action (\`*\`) on every resource.`,
          );
      }
    }
  },
});
