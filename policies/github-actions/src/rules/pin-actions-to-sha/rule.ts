import { defineRule } from '@plumbline/core';
import { allSteps, type GhaUnit, ghaDomain, type UsesRef } from '@plumbline/lang-yaml';
import { matchesAny, resourceOf } from '../../lib/util.js';

interface Options {
  /** `owner/repo` globs that may use a tag (default: GitHub's own actions). */
  allow: string[];
}

const BRANCHES = /^(main|master|develop|dev|trunk|head|latest|stable|release|releases\/.*|v\d+-branch)$/i;

/** SLSA's reusable workflows must be referenced by a version tag (their documented requirement). */
const SLSA_GENERATOR = /^slsa-framework\/slsa-github-generator\/\.github\/workflows\//;

export default defineRule<GhaUnit, Options>({
  id: 'gha/pin-actions-to-sha',
  domain: ghaDomain,
  meta: {
    title: 'Action not pinned to a commit SHA',
    description:
      'A `uses:` reference to a third-party action or reusable workflow names a tag or a branch instead of a full commit SHA.',
    rationale:
      'Tags and branches are mutable: whoever controls the action repository (its owner, or an attacker who took it over, as in the tj-actions/changed-files compromise of 2025) can point them at new code that then runs with your token and secrets. A full SHA is the only immutable reference. Medium: it needs a compromised upstream, but the blast radius is every workflow using it. Not reported: the reusable workflows of `slsa-framework/slsa-github-generator` referenced by a tag, which they require (the generator identifies its own provenance by the tag; a SHA fails the build).',
    remediation:
      'Pin the full 40-character commit SHA of the release you use and keep the version in a comment, which Dependabot and Renovate update together; for example `uses: docker/login-action@74a5d142397b4f367a81961eba4e8cd7edddf772 # v3.4.0`.',
    category: 'supply-chain',
    severity: 'medium',
    confidence: 'high',
    aliases: ['zizmor:unpinned-uses', 'scorecard:Pinned-Dependencies'],
    references: [
      'https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions',
    ],
    options: {
      schema: {
        type: 'object',
        properties: { allow: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
      defaults: { allow: ['actions/*', 'github/*'] },
    },
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: codecov/codecov-action@v4\n',
          errors: [{ line: 7, column: 15, endLine: 7, endColumn: 40 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: codecov/codecov-action@b9fd7d16f6d7d1b5d2bec1a2887e65ceed900238 # v4.6.0\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    const allow = ctx.options.allow ?? [];
    const check = (uses: UsesRef | undefined, resource: string | undefined) => {
      if (uses?.kind !== 'repository' || uses.pinnedToSha) return;
      const branch = uses.ref !== undefined && BRANCHES.test(uses.ref);
      // GitHub's own actions may use a version tag (configurable), never a branch.
      if (!branch && matchesAny(uses.action, allow)) return;
      // The SLSA generator verifies its own provenance by the tag it is called with: a SHA breaks it.
      if (!branch && uses.ref !== undefined && SLSA_GENERATOR.test(uses.raw)) return;
      const what =
        uses.ref === undefined
          ? 'has no `@ref` at all'
          : branch
            ? `follows the branch \`${uses.ref}\``
            : `is pinned to \`${uses.ref}\`, a tag its owner can move`;
      ctx.report({
        at: uses.value.loc,
        message: `\`${uses.raw}\` ${what}; pin a full commit SHA.`,
        resource,
        evidence: uses.raw,
      });
    };
    for (const step of allSteps(unit)) check(step.uses, resourceOf(step));
    if (unit.kind === 'workflow') for (const job of unit.jobs) check(job.uses, `jobs.${job.id}`);
  },
});
