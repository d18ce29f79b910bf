import { defineRule } from '@plumbline/core';
import { ghaDomain } from '@plumbline/lang-yaml';

export default defineRule({
  id: 'gha/no-workflow-level-write-permissions',
  domain: ghaDomain,
  meta: {
    title: 'Write permission granted to every job',
    description:
      'The top-level `permissions:` grants a `write` scope, so every job of a multi-job workflow gets it, not only the one that needs it.',
    rationale:
      'A test or lint job that runs third-party code should not hold a token that can push, publish packages or mint cloud credentials (`id-token: write`). Granting scopes per job keeps a compromise of one job from becoming a compromise of the repository. Medium.',
    remediation:
      'Keep the top level at `contents: read` and move each `write` scope to the `permissions:` of the job that uses it.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['zizmor:excessive-permissions', 'scorecard:Token-Permissions'],
    references: [
      'https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#permissions',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\npermissions:\n  contents: read\n  packages: write\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps: [{run: make test}]\n  publish:\n    runs-on: ubuntu-latest\n    steps: [{run: make publish}]\n',
          errors: [{ line: 4, column: 3, endLine: 4, endColumn: 18 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps: [{run: make test}]\n  publish:\n    runs-on: ubuntu-latest\n    permissions:\n      packages: write\n    steps: [{run: make publish}]\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    if (unit.kind !== 'workflow' || unit.permissions?.kind !== 'map') return;
    // Jobs that set their own permissions do not inherit the top-level block.
    const inheriting = unit.jobs.filter((j) => !j.permissions);
    if (inheriting.length < 2) return;
    for (const scope of unit.permissions.scopes) {
      if (scope.level !== 'write') continue;
      ctx.report({
        at: { file: scope.keyLoc.file, start: scope.keyLoc.start, end: scope.loc.end },
        message: `\`${scope.name}: write\` at the top level applies to ${inheriting.length} jobs (${inheriting.map((j) => `\`${j.id}\``).join(', ')}); grant it on the job that needs it.`,
        evidence: scope.name,
      });
    }
  },
});
