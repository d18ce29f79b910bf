import { defineRule } from '@plumbline/core';
import { ghaDomain } from '@plumbline/lang-yaml';

export default defineRule({
  id: 'gha/no-secrets-inherit',
  domain: ghaDomain,
  meta: {
    title: 'Reusable workflow called with `secrets: inherit`',
    description:
      'A job calls a reusable workflow with `secrets: inherit`, handing it every secret of the calling repository and environment.',
    rationale:
      'The called workflow, and every action it uses, can read all the secrets, not just the ones it needs; if it lives in another repository, its maintainers can read them too, and a change there silently widens what it does with them. Medium.',
    remediation: 'Pass only what the callee declares: `secrets: { NPM_TOKEN: ${{ secrets.NPM_TOKEN }} }`.',
    category: 'supply-chain',
    severity: 'medium',
    confidence: 'high',
    aliases: ['zizmor:secrets-inherit'],
    references: [
      'https://docs.github.com/en/actions/sharing-automations/reusing-workflows#passing-secrets-to-nested-workflows',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/release.yml',
          code: 'on: push\njobs:\n  release:\n    uses: org/shared/.github/workflows/release.yml@v1\n    secrets: inherit\n',
          errors: [{ line: 5, column: 5, endLine: 5, endColumn: 21 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/release.yml',
          code: 'on: push\njobs:\n  release:\n    uses: org/shared/.github/workflows/release.yml@v1\n    secrets:\n      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    if (unit.kind !== 'workflow') return;
    for (const job of unit.jobs) {
      const secrets = job.secrets;
      // A reusable workflow of the same repository is reviewed with it: inheriting hands nothing to outsiders.
      if (!job.uses || job.uses.kind === 'local' || secrets?.text?.trim() !== 'inherit') continue;
      ctx.report({
        at: { file: secrets.keyLoc.file, start: secrets.keyLoc.start, end: secrets.loc.end },
        message: `Job \`${job.id}\` hands every secret to \`${job.uses.raw}\`.`,
        resource: `jobs.${job.id}`,
      });
    }
  },
});
