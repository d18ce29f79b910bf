import { defineRule } from '@plumbline/core';
import { terraformDomain } from '../../domain.js';
import { trustPolicies } from '../../lib/iam.js';
import { opensToEveryone } from '../../lib/public-principal.js';
import { nameOf, reportOn } from '../../lib/report.js';

export default defineRule({
  id: 'terraform/iam-assume-role-open-principal',
  domain: terraformDomain,
  meta: {
    title: 'IAM role can be assumed by anyone',
    description:
      'A role’s trust policy allows `Principal: "*"` (or `AWS: "*"`) with no condition that narrows the caller (`aws:PrincipalOrgID`, `aws:PrincipalArn`, `sts:ExternalId`, ...; conditions on TLS, time or tags do not), the same test `terraform/resource-policy-public-principal` applies to other resource policies.',
    rationale:
      'Any AWS account in the world can then call `sts:AssumeRole` on the role and get its permissions. There is no legitimate use of an unconditioned `*` trust, hence critical.',
    remediation:
      'Trust specific accounts, roles or services, and for cross-account access add `sts:ExternalId` or `aws:PrincipalOrgID` conditions.',
    category: 'security',
    severity: 'critical',
    confidence: 'high',
    aliases: ['CKV_AWS_60', 'CKV_AWS_61'],
    references: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-trust-policy',
    ],
    examples: {
      invalid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_iam_role" "shared" {\n  name = "shared"\n  assume_role_policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Action    = "sts:AssumeRole"\n      Principal = { AWS = "*" }\n    }]\n  })\n}\n',
          errors: [{ line: 8, column: 7, endLine: 8, endColumn: 32 }],
        },
      ],
      valid: [
        {
          filename: 'main.tf',
          code: 'resource "aws_iam_role" "shared" {\n  name = "shared"\n  assume_role_policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect    = "Allow"\n      Action    = "sts:AssumeRole"\n      Principal = { AWS = "arn:aws:iam::123456789012:root" }\n      Condition = { StringEquals = { "sts:ExternalId" = "acme" } }\n    }]\n  })\n}\n',
        },
      ],
    },
  },
  check(module, ctx) {
    for (const { owner, statements } of trustPolicies(module)) {
      for (const s of statements) {
        if (!opensToEveryone(s, statements)) continue;
        reportOn(
          ctx,
          owner,
          s.principalLoc ?? s.loc,
          `Role ${nameOf(owner)} can be assumed by any principal (\`*\`).`,
        );
      }
    }
  },
});
