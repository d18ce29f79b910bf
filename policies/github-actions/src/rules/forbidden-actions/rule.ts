import { defineRule } from '@plumbline/core';
import { type GhaUnit, ghaDomain } from '@plumbline/lang-yaml';
import { allUses, matchesAny } from '../../lib/util.js';

interface Options {
  /** When set, only actions matching one of these `owner/repo` globs may be used. */
  allow?: string[];
  /** Actions matching these `owner/repo` globs may not be used. */
  deny?: string[];
}

export default defineRule<GhaUnit, Options>({
  id: 'gha/forbidden-actions',
  domain: ghaDomain,
  meta: {
    title: 'Action outside the allowed list',
    description:
      "A `uses:` names an action or reusable workflow that the organisation's `allow` list does not contain, or that its `deny` list names.",
    rationale:
      "Many organisations allow only reviewed actions (GitHub's own, their own, a vetted few); the repository setting enforces it only on GitHub Enterprise plans and only at run time. Checking in the pull request catches it before merge, with the reason. Medium, opt-in: it needs your lists.",
    remediation:
      'Use an allowed action, or have the action reviewed and added to the list in `.plumbline.yaml`.',
    category: 'supply-chain',
    severity: 'medium',
    confidence: 'high',
    optIn: true,
    aliases: ['zizmor:forbidden-uses'],
    references: [
      'https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/enabling-features-for-your-repository/managing-github-actions-settings-for-a-repository#allowing-select-actions-and-reusable-workflows-to-run',
    ],
    options: {
      schema: {
        type: 'object',
        properties: {
          allow: { type: 'array', items: { type: 'string' } },
          deny: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
      defaults: { deny: [] },
    },
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: tj-actions/changed-files@v45\n',
          errors: [{ line: 6, column: 15, endLine: 6, endColumn: 43 }],
          options: { allow: ['actions/*', 'acme/*'] },
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n',
          options: { allow: ['actions/*', 'acme/*'] },
        },
      ],
    },
  },
  check(unit, ctx) {
    const { allow, deny = [] } = ctx.options;
    for (const { uses, resource } of allUses(unit)) {
      if (uses.kind !== 'repository') continue;
      const denied = matchesAny(uses.action, deny);
      const notAllowed = allow !== undefined && !matchesAny(uses.action, allow);
      if (!denied && !notAllowed) continue;
      ctx.report({
        at: uses.value.loc,
        message: denied
          ? `\`${uses.action}\` is on the deny list of this repository's configuration.`
          : `\`${uses.action}\` is not on the allow list of this repository's configuration.`,
        resource,
        evidence: uses.action,
      });
    }
  },
});
