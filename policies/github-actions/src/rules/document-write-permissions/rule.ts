import { defineRule, type Loc } from '@plumbline/core';
import { ghaDomain, type Permissions } from '@plumbline/lang-yaml';

/** A `#` comment on the line itself (after the value) or alone on the line above. */
function documented(at: Loc): boolean {
  const { file, start } = at;
  const line = file.position(start).line;
  if (/\s#/.test(file.lineText(line))) return true;
  return line > 1 && /^\s*#/.test(file.lineText(line - 1));
}

export default defineRule({
  id: 'gha/document-write-permissions',
  domain: ghaDomain,
  meta: {
    title: 'Write permission without a comment saying why',
    description:
      'A `permissions:` block grants a `write` scope (or `write-all`) with no comment on the line or just above it explaining what needs it.',
    rationale:
      'Write scopes are the blast radius of every step in the job. A one-line reason (`# publish the release`) lets a reviewer check the grant against the steps, and makes a scope that outlived its step easy to spot and remove. Info, opt-in: a house style that security-minded teams adopt.',
    remediation: 'Add a short comment to each write scope: `contents: write # push the version tag`.',
    category: 'best-practice',
    severity: 'info',
    confidence: 'high',
    optIn: true,
    aliases: ['zizmor:undocumented-permissions'],
    references: [
      'https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#permissions',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/release.yml',
          code: 'on: push\npermissions:\n  contents: write\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./release.sh\n',
          errors: [{ line: 3, column: 3, endLine: 3, endColumn: 18 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/release.yml',
          code: 'on: push\npermissions:\n  contents: write # push the version tag\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./release.sh\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    if (unit.kind !== 'workflow') return;
    const blocks: { permissions: Permissions | undefined; resource: string | undefined }[] = [
      { permissions: unit.permissions, resource: undefined },
      ...unit.jobs.map((j) => ({ permissions: j.permissions, resource: `jobs.${j.id}` })),
    ];
    for (const { permissions, resource } of blocks) {
      if (!permissions) continue;
      if (permissions.kind === 'write-all') {
        if (!documented(permissions.value.loc))
          ctx.report({
            at: permissions.value.loc,
            message: '`write-all` without a comment saying why.',
            resource,
          });
        continue;
      }
      for (const scope of permissions.scopes) {
        if (scope.level !== 'write' || documented(scope.keyLoc)) continue;
        ctx.report({
          at: { file: scope.keyLoc.file, start: scope.keyLoc.start, end: scope.loc.end },
          message: `\`${scope.name}: write\` has no comment saying which step needs it.`,
          resource,
          evidence: scope.name,
        });
      }
    }
  },
});
