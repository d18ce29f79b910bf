import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { type PolicyStatement, trustPolicies } from '../../lib/iam.js';
import { checkRegistryModules } from '../../lib/registry-modules.js';
import { nameOf, reportOn } from '../../lib/report.js';

const GITHUB = 'token.actions.githubusercontent.com';

function isGithubTrust(s: PolicyStatement): boolean {
  const federated = s.principals?.some(
    (p) => p.type === 'Federated' && p.values.some((v) => v.includes(GITHUB)),
  );
  return !!federated || s.conditions.some((c) => c.variable.startsWith(`${GITHUB}:`));
}

/**
 * Why a `sub` pattern admits repositories it should not, or undefined when it names one
 * repository: a wildcard in the owner (`repo:*\/app`, `repo:acme*`, which also matches
 * `acme-evil`) matches other owners; `repo:acme/*` every repository of the organisation.
 */
function tooBroad(value: string): string | undefined {
  if (/^[*?]/.test(value) || /^repo:[*?]/.test(value)) return 'which matches every repository on GitHub';
  const m = /^repo:([^/:]*)(?:\/([^:]*))?/.exec(value);
  if (!m) return undefined;
  if (m[1]!.includes('*') || m[1]!.includes('?') || m[2] === undefined)
    return "which matches other owners' repositories";
  if (/^[*?]/.test(m[2]))
    return `which matches every repository of \`${m[1]}\`, including ones created later`;
  return undefined;
}

export default defineRule({
  id: 'terraform/iam-github-oidc-trust',
  domain: terraformDomain,
  meta: {
    title: 'GitHub OIDC role trusts too many repositories',
    description:
      'A role trusting GitHub Actions’ OIDC provider does not restrict `token.actions.githubusercontent.com:sub` to your repositories: no `sub` condition, a leading wildcard (`*`, `*:environment:prod`, `repo:*`), a wildcard in the owner (`repo:*/app`, `repo:acme*` which also matches `acme-evil`), or every repository of the organisation (`repo:acme/*`). Wildcards count only under `StringLike` (`StringEquals` compares `*` literally). Trust policies in every form are read: `jsonencode`, JSON text, `aws_iam_policy_document`, and the `iam-github-oidc-role` registry module’s `subjects`.',
    rationale:
      'Every GitHub repository in the world can get a token from the same OIDC provider. Without a `sub` condition naming your organisation and repository (and ideally a branch or environment), anyone’s workflow can assume the role. This has been exploited in the wild, hence critical.',
    remediation:
      'Add `StringLike` (or `StringEquals`) on `token.actions.githubusercontent.com:sub` with values like `repo:acme/app:ref:refs/heads/main` or `repo:acme/app:environment:prod`, plus `token.actions.githubusercontent.com:aud = sts.amazonaws.com`.',
    category: 'security',
    severity: 'critical',
    confidence: 'high',
    aliases: ['CKV_AWS_358', 'CKV_AWS_393'],
    references: [
      'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_iam_role" "deploy" {\n  name = "github-deploy"\n  assume_role_policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Action    = "sts:AssumeRoleWithWebIdentity"\n      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }\n      Condition = { StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" } }\n    }]\n  })\n}\n',
          errors: [{ line: 8, column: 7, endLine: 8, endColumn: 112 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_iam_role" "deploy" {\n  name = "github-deploy"\n  assume_role_policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Action    = "sts:AssumeRoleWithWebIdentity"\n      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }\n      Condition = {\n        StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }\n        StringLike   = { "token.actions.githubusercontent.com:sub" = "repo:acme/app:ref:refs/heads/main" }\n      }\n    }]\n  })\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    checkRegistryModules(module, ctx, 'terraform/iam-github-oidc-trust');
    for (const { owner, statements } of trustPolicies(module)) {
      for (const s of statements) {
        if (s.effect !== 'Allow' || !isGithubTrust(s) || s.conditionsUnknown) continue;
        const sub = s.conditions.filter((c) => c.variable === `${GITHUB}:sub`);
        if (sub.length === 0) {
          reportOn(
            ctx,
            owner,
            s.principalLoc ?? s.loc,
            `Role ${nameOf(owner)} trusts GitHub OIDC without a \`sub\` condition: any repository can assume it.`,
          );
          continue;
        }
        if (sub.some((c) => c.unknown)) continue;
        // Only the `Like` operators read `*` and `?` as wildcards; `StringEquals` compares them literally.
        const like = sub.filter((c) => /Like$/i.test(c.test));
        const where = like.find((c) => c.values.some((v) => tooBroad(v) !== undefined));
        const broad = where?.values.find((v) => tooBroad(v) !== undefined);
        if (where && broad !== undefined) {
          reportOn(
            ctx,
            owner,
            where.loc ?? s.conditionLoc ?? s.loc,
            `Role ${nameOf(owner)} trusts GitHub OIDC for \`${broad}\`, ${tooBroad(broad)}.`,
          );
        }
      }
    }
  },
});
