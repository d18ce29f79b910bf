import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/iam-user-policy',
  domain: terraformDomain,
  meta: {
    title: 'IAM policy attached directly to a user',
    description:
      'A policy is attached to an IAM user (`aws_iam_user_policy`, `aws_iam_user_policy_attachment`, or `aws_iam_policy_attachment` with `users`).',
    rationale:
      'Permissions on individual users drift and are forgotten when people change roles; groups or roles (ideally SSO and short-lived credentials) keep access reviewable. A governance gap rather than an exposure, hence low.',
    remediation:
      'Attach the policy to a group or role and add the user to the group, or move the person to IAM Identity Center.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: ['CKV_AWS_40', 'AWS-0143'],
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_iam_user_policy_attachment" "alice" {\n  user       = aws_iam_user.alice.name\n  policy_arn = aws_iam_policy.read.arn\n}\n',
          errors: [{ line: 1, column: 1, endLine: 1, endColumn: 50 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_iam_group_policy_attachment" "readers" {\n  group      = aws_iam_group.readers.name\n  policy_arn = aws_iam_policy.read.arn\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const r of module.resourcesOf('aws_iam_user_policy', 'aws_iam_user_policy_attachment')) {
      reportOn(ctx, r, r.headerLoc, `${nameOf(r)} attaches a policy directly to an IAM user.`);
    }
    for (const r of module.resourcesOf('aws_iam_policy_attachment')) {
      const users = r.value('users');
      if (Array.isArray(users) && users.length > 0)
        reportOn(ctx, r, r.attr('users')!, `${nameOf(r)} attaches a policy directly to IAM users.`);
    }
  },
});
