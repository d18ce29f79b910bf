import { defineRule } from '@plumbline/core';
import { ghaDomain, type UsesRef } from '@plumbline/lang-yaml';
import { allUses } from '../../lib/util.js';

export default defineRule({
  id: 'gha/prefer-local-reference',
  domain: ghaDomain,
  meta: {
    title: 'Own action or workflow referenced through the repository name',
    description:
      'A `uses: owner/repo/path@ref` names an action or reusable workflow whose `path` exists in this same repository, instead of `uses: ./path`.',
    rationale:
      "Through `owner/repo@ref`, the job runs the copy at `ref` — often a branch such as `main` — not the one in the commit under test: a pull request that changes the action is tested against the old one, and a pull request from a fork can make the job run code that no reviewer of this change looked at. `./path` runs exactly what was checked out. Low; medium confidence, since the repository's own name is inferred from the matching path.",
    remediation:
      'Use `uses: ./path/to/action` (after `actions/checkout`) or `uses: ./.github/workflows/x.yml` for reusable workflows.',
    category: 'supply-chain',
    severity: 'low',
    confidence: 'medium',
    aliases: ['zizmor:self-repository'],
    references: [
      'https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-syntax#example-using-an-action-in-the-same-repository-as-the-workflow',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  deploy:\n    uses: acme/app/.github/workflows/deploy.yml@main\n',
          files: {
            '.github/workflows/deploy.yml':
              'on: workflow_call\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n',
          },
          errors: [{ line: 4, column: 11, endLine: 4, endColumn: 53 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  deploy:\n    uses: ./.github/workflows/deploy.yml\n',
          files: {
            '.github/workflows/deploy.yml':
              'on: workflow_call\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n',
          },
        },
      ],
    },
  },
  check(unit, ctx) {
    // A workflow outside `.github/workflows` (an example to copy, a template) is meant for other repositories.
    if (unit.kind === 'workflow' && !/(^|\/)\.github\/workflows\//.test(unit.path)) return;
    const paths = ctx.project.memo(
      'gha/local-paths',
      () => new Set(ctx.project.files.map((f) => f.file.path)),
    );
    const local = (uses: UsesRef) => {
      const path = uses.path?.replace(/^\/+|\/+$/g, '');
      if (!path) return undefined;
      if (/\.ya?ml$/.test(path)) return paths.has(path) ? path : undefined;
      return [`${path}/action.yml`, `${path}/action.yaml`].find((p) => paths.has(p)) ? path : undefined;
    };
    for (const { uses, resource } of allUses(unit)) {
      if (uses.kind !== 'repository') continue;
      const path = local(uses);
      if (!path) continue;
      ctx.report({
        at: uses.value.loc,
        message: `\`${path}\` is in this repository: \`./${path}\` runs the checked-out copy, \`${uses.owner}/${uses.repo}@${uses.ref}\` another one.`,
        resource,
        evidence: uses.raw,
      });
    }
  },
});
