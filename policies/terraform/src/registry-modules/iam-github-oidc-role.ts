import type { ModuleTable } from './table.js';

/** The role GitHub Actions assume; `subjects` become the `sub` condition (`repo:` is prefixed when missing). */
export const iamGithubOidcRole: ModuleTable = {
  source: 'terraform-aws-modules/iam/aws//modules/iam-github-oidc-role',
  repository: 'terraform-aws-modules/terraform-aws-iam',
  latest: '5.0.0',
  docs: [
    'https://registry.terraform.io/modules/terraform-aws-modules/iam/aws/latest/submodules/iam-github-oidc-role',
  ],
  inputs: [
    {
      rule: 'terraform/iam-github-oidc-trust',
      input: 'subjects',
      // `*`, `repo:*`, an owner with a wildcard (`acme*` also matches `acme-evil`), or `owner/*`.
      insecure: { anyMatches: '^(repo:)?(\\*|[^/:]*[*?][^/:]*(/|:|$)|[^/:]+/[*?])' },
      consequence:
        'the role trusts GitHub OIDC tokens of repositories that are not yours, or of every repository of the organisation',
    },
  ],
};
