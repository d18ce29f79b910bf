import { defineRule } from '@plumbline/core';
import { ghaDomain, type Permissions } from '@plumbline/lang-yaml';

export default defineRule({
  id: 'gha/no-write-all-permissions',
  domain: ghaDomain,
  meta: {
    title: 'Token granted write-all permissions',
    description:
      '`permissions: write-all` gives the job token write access to every scope: code, packages, releases, deployments, issues, pull requests, security events.',
    rationale:
      'Any step that is compromised (a tag-pinned action that is moved, an injected script, a poisoned dependency) inherits that token, so it can push code, publish packages or rewrite releases. No job needs every scope; high because it turns any foothold into a repository takeover.',
    remediation:
      'Replace `write-all` with the scopes the job uses, e.g. `permissions: { contents: read }` at the top and `packages: write` only on the job that publishes.',
    category: 'security',
    severity: 'high',
    confidence: 'high',
    aliases: ['CKV2_GHA_1', 'zizmor:excessive-permissions', 'scorecard:Token-Permissions'],
    references: [
      'https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/controlling-permissions-for-github_token',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\npermissions: write-all\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n',
          errors: [{ line: 2, column: 14, endLine: 2, endColumn: 23 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    if (unit.kind !== 'workflow') return;
    const report = (p: Permissions | undefined, where: string, resource?: string) => {
      if (p?.kind !== 'write-all') return;
      ctx.report({
        at: p.value.loc,
        message: `${where} grants the token \`write-all\`: every scope of the repository is writable by every step.`,
        resource,
        evidence: 'write-all',
      });
    };
    report(unit.permissions, 'The workflow');
    for (const job of unit.jobs) report(job.permissions, `Job \`${job.id}\``, `jobs.${job.id}`);
  },
});
