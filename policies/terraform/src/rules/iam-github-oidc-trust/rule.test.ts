import { RuleTester } from '@plumbline/core/testing';
import { hclLanguage } from '@plumbline/lang-hcl';
import rule from './rule.js';

const doc = (conditions: string) =>
  `data "aws_iam_policy_document" "t" {\n  statement {\n    actions = ["sts:AssumeRoleWithWebIdentity"]\n    principals {\n      type        = "Federated"\n      identifiers = [aws_iam_openid_connect_provider.github.arn]\n    }\n${conditions}  }\n}\nresource "aws_iam_role" "r" {\n  assume_role_policy = data.aws_iam_policy_document.t.json\n}\n`;
const cond = (variable: string, values: string, test = 'StringLike') =>
  `    condition {\n      test     = "${test}"\n      variable = "${variable}"\n      values   = ${values}\n    }\n`;

const oidcModule = (version: string, args = '') =>
  `module "m" {\n  source  = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-role"\n  version = "${version}"\n${args}}\n`;

new RuleTester([hclLanguage]).run(rule, {
  valid: [
    {
      name: 'hardened: OIDC role module for one repository and branch',
      code: oidcModule('~> 5.0', '  subjects = ["acme/app:ref:refs/heads/main"]\n'),
    },
    doc(cond('token.actions.githubusercontent.com:sub', '["repo:acme/app:*"]')),
    {
      name: 'hardened: one repository, one environment',
      code: doc(cond('token.actions.githubusercontent.com:sub', '["repo:acme/app:environment:prod"]')),
    },
    {
      name: 'StringEquals compares `*` literally: no repository matches it',
      code: doc(cond('token.actions.githubusercontent.com:sub', '["repo:myorg/*"]', 'StringEquals')),
    },
    {
      name: 'unknown sub values',
      code: `variable "subs" {}\n${doc(cond('token.actions.githubusercontent.com:sub', 'var.subs'))}`,
    },
    { name: 'unknown provider and no github condition: cannot tell', code: doc('') },
  ],
  invalid: [
    {
      name: 'OIDC role module trusting a whole organisation',
      code: oidcModule('~> 5.0', '  subjects = ["myorg/*"]\n'),
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 25 }],
    },
    {
      name: 'OIDC role module trusting an owner prefix',
      code: oidcModule('~> 5.0', '  subjects = ["repo:myOrg*"]\n'),
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 29 }],
    },
    {
      name: 'leading wildcard before an environment',
      code: doc(
        cond(
          'token.actions.githubusercontent.com:sub',
          '["repo:acme/app:ref:refs/heads/main", "*:environment:prod"]',
        ),
      ),
      errors: [
        {
          line: 8,
          column: 5,
          endLine: 12,
          endColumn: 6,
          message: '`*:environment:prod`, which matches every repository on GitHub',
        },
      ],
    },
    {
      name: 'wildcard owner',
      code: doc(
        cond('token.actions.githubusercontent.com:aud', '["sts.amazonaws.com"]') +
          cond('token.actions.githubusercontent.com:sub', '["repo:*/app:*"]'),
      ),
      errors: [{ line: 13, column: 5, endLine: 17, endColumn: 6, message: '`repo:*/app:*`' }],
    },
    {
      name: 'owner prefix without a slash also matches other owners',
      code: doc(cond('token.actions.githubusercontent.com:sub', '["repo:myOrg*"]')),
      errors: [
        {
          line: 8,
          column: 5,
          endLine: 12,
          endColumn: 6,
          message: "`repo:myOrg*`, which matches other owners' repositories",
        },
      ],
    },
    {
      name: 'every repository of the organisation',
      code: doc(cond('token.actions.githubusercontent.com:sub', '["repo:myorg/*"]')),
      errors: [{ line: 8, column: 5, endLine: 12, endColumn: 6, message: 'every repository of `myorg`' }],
    },
    {
      name: 'aud only',
      code: doc(cond('token.actions.githubusercontent.com:aud', '["sts.amazonaws.com"]')),
      errors: [{ line: 4, column: 5, endLine: 7, endColumn: 6, message: 'without a `sub` condition' }],
    },
  ],
});
