import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { identityPolicies, isAdminStatement } from '../../lib/iam.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/iam-policy-wildcard-action',
  domain: terraformDomain,
  meta: {
    title: 'IAM policy allows all actions of a service',
    description:
      'An `Allow` statement of an IAM policy grants `*` or a whole service (`s3:*`, `iam:*`). Full `*` on `*` is reported by `terraform/iam-policy-admin` instead.',
    rationale:
      'A service wildcard grants today’s and tomorrow’s actions, including destructive and permission-changing ones (`s3:DeleteBucket`, `kms:ScheduleKeyDeletion`). Listing the actions keeps a leaked credential’s blast radius small. Medium: the grant is usually bounded by the resources.',
    remediation:
      'List the actions the workload calls (IAM Access Analyzer can generate them from CloudTrail).',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['CKV_AWS_49', 'CKV_AWS_63', 'AWS-0057', 'AWS-0345'],
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'data "aws_iam_policy_document" "app" {\n  statement {\n    actions   = ["s3:*"]\n    resources = [aws_s3_bucket.data.arn]\n  }\n}\n\nresource "aws_iam_policy" "app" {\n  policy = data.aws_iam_policy_document.app.json\n}\n',
          errors: [{ line: 3, column: 5, endLine: 3, endColumn: 25 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'data "aws_iam_policy_document" "app" {\n  statement {\n    actions   = ["s3:GetObject", "s3:PutObject"]\n    resources = ["${aws_s3_bucket.data.arn}/*"]\n  }\n}\n\nresource "aws_iam_policy" "app" {\n  policy = data.aws_iam_policy_document.app.json\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const { owner, statements } of identityPolicies(module)) {
      for (const s of statements) {
        if (s.effect !== 'Allow' || !s.action || isAdminStatement(s)) continue;
        const wild = s.action.values.filter((a) => a === '*' || /^[a-z0-9-]+:\*$/i.test(a));
        if (wild.length === 0) continue;
        reportOn(
          ctx,
          owner,
          s.action.loc,
          `${nameOf(owner)} allows ${wild.map((w) => `\`${w}\``).join(', ')}.`,
          wild.join(','),
        );
      }
    }
  },
});
