import { defineRule } from '@plumbline/core';
import { stringList } from '@plumbline/lang-hcl';
import { terraformDomain } from '../../domain.js';
import { nameOf, reportOn } from '../../lib/report.js';

/** AWS-managed policies that make the holder an administrator of the account (any partition). */
const ADMIN_POLICY = /^arn:aws[a-z-]*:iam::aws:policy\/(AdministratorAccess|IAMFullAccess)$/;

const ATTACHMENTS: [type: string, attr: string][] = [
  ['aws_iam_role_policy_attachment', 'policy_arn'],
  ['aws_iam_user_policy_attachment', 'policy_arn'],
  ['aws_iam_group_policy_attachment', 'policy_arn'],
  ['aws_iam_policy_attachment', 'policy_arn'],
  ['aws_iam_role', 'managed_policy_arns'],
  ['aws_iam_role_policy_attachments_exclusive', 'policy_arns'],
  ['aws_iam_user_policy_attachments_exclusive', 'policy_arns'],
  ['aws_iam_group_policy_attachments_exclusive', 'policy_arns'],
];

export default defineRule({
  id: 'terraform/iam-managed-admin-policy',
  domain: terraformDomain,
  meta: {
    title: 'IAM principal gets an AWS-managed administrator policy',
    description:
      'A role, user or group is given `AdministratorAccess` or `IAMFullAccess` (the AWS-managed policies) through a policy attachment or `managed_policy_arns`.',
    rationale:
      'Either policy is full control of the account: `IAMFullAccess` can grant itself everything else. Any leak of that principal’s credentials, or any code it runs (a CI job, a Lambda), is an account takeover. Break-glass roles are the exception, hence high with medium confidence.',
    remediation:
      'Attach a policy with the actions the workload needs (IAM Access Analyzer can generate one from CloudTrail), and keep administrator access for a few break-glass or SSO permission sets with MFA.',
    category: 'security',
    severity: 'high',
    confidence: 'medium',
    aliases: ['CKV_AWS_274', 'CKV_AWS_275', 'CKV2_AWS_56'],
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_iam_role_policy_attachment" "ci_admin" {\n  role       = aws_iam_role.ci.name\n  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"\n}\n',
          errors: [{ line: 3, column: 3, endLine: 3, endColumn: 61 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_iam_role_policy_attachment" "ci_deploy" {\n  role       = aws_iam_role.ci.name\n  policy_arn = aws_iam_policy.deploy.arn\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const [type, attr] of ATTACHMENTS) {
      for (const r of module.resourcesOf(type)) {
        const a = r.attr(attr);
        const arns = stringList(r.value(attr));
        if (!a || !arns) continue;
        const admin = arns.values.filter((arn) => ADMIN_POLICY.test(arn.trim()));
        if (admin.length === 0) continue;
        const names = admin.map((arn) => `\`${arn.split('/').pop()}\``).join(' and ');
        reportOn(ctx, r, a, `${nameOf(r)} attaches the AWS-managed ${names} policy.`);
      }
    }
  },
});
