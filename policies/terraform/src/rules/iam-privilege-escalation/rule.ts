import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { actionMatches, identityPolicies, isAdminStatement } from '../../lib/iam.js';
import { nameOf, reportOn } from '../../lib/report.js';

/** Actions that let a principal grant itself more permissions when allowed on any resource. */
export const ESCALATION_ACTIONS = [
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:AttachUserPolicy',
  'iam:AttachRolePolicy',
  'iam:AttachGroupPolicy',
  'iam:PutUserPolicy',
  'iam:PutRolePolicy',
  'iam:PutGroupPolicy',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
  'iam:UpdateAssumeRolePolicy',
  'iam:AddUserToGroup',
  'iam:PassRole',
  'lambda:UpdateFunctionCode',
];

export default defineRule({
  id: 'terraform/iam-privilege-escalation',
  domain: terraformDomain,
  meta: {
    title: 'IAM policy allows privilege escalation',
    description:
      'An `Allow` statement on `Resource: "*"` grants an action that lets the holder raise its own permissions (`iam:PassRole`, `iam:AttachRolePolicy`, `iam:CreatePolicyVersion`, `iam:CreateAccessKey`, ...), directly or through a wildcard such as `iam:*` or `iam:Put*`.',
    rationale:
      'These actions turn a limited credential into an administrator one: attach AdministratorAccess to yourself, create keys for another user, or pass a powerful role to a Lambda you control. Unscoped, they are as dangerous as admin access, hence high.',
    remediation:
      'Scope these actions to specific resource ARNs (for `iam:PassRole`, the roles the service needs, with an `iam:PassedToService` condition), or remove them.',
    category: 'security',
    severity: 'high',
    confidence: 'medium',
    aliases: ['CKV_AWS_110', 'CKV_AWS_286', 'CKV2_AWS_40', 'AWS-0342'],
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html'],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_iam_role_policy" "deployer" {\n  role = aws_iam_role.deployer.id\n  policy = jsonencode({\n    Statement = [{\n      Effect   = "Allow"\n      Action   = ["iam:PassRole", "ecs:UpdateService"]\n      Resource = "*"\n    }]\n  })\n}\n',
          errors: [{ line: 6, column: 7, endLine: 6, endColumn: 55 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_iam_role_policy" "deployer" {\n  role = aws_iam_role.deployer.id\n  policy = jsonencode({\n    Statement = [{\n      Effect   = "Allow"\n      Action   = ["iam:PassRole"]\n      Resource = aws_iam_role.task.arn\n    }]\n  })\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const { owner, statements } of identityPolicies(module)) {
      for (const s of statements) {
        if (s.effect !== 'Allow' || !s.action || !s.resource?.values.includes('*') || isAdminStatement(s))
          continue;
        const granted = ESCALATION_ACTIONS.filter((e) => s.action!.values.some((a) => actionMatches(a, e)));
        if (granted.length === 0) continue;
        const shown =
          granted
            .slice(0, 3)
            .map((g) => `\`${g}\``)
            .join(', ') + (granted.length > 3 ? ` and ${granted.length - 3} more` : '');
        reportOn(
          ctx,
          owner,
          s.action.loc,
          `${nameOf(owner)} allows ${shown} on every resource.`,
          granted.join(','),
        );
      }
    }
  },
});
