import { defineRule } from '@plumbline/core';
import { ghaDomain } from '@plumbline/lang-yaml';
import { allUses } from '../../lib/util.js';

/**
 * Actions whose repositories are archived (read-only, no more fixes), with what replaces them.
 * Kept offline (`audit` never uses the network); the online check that zizmor does is approximated
 * by this list of the archived actions most found in real workflows.
 */
const ARCHIVED: Record<string, string> = {
  'actions/create-release': '`gh release create` (preinstalled) or `softprops/action-gh-release`',
  'actions/upload-release-asset': '`gh release upload` (preinstalled)',
  'actions/setup-ruby': '`ruby/setup-ruby`',
  'actions/setup-elixir': '`erlef/setup-beam`',
  'actions/setup-haskell': '`haskell-actions/setup`',
  'actions-rs/toolchain': '`rustup` (preinstalled) or `dtolnay/rust-toolchain`',
  'actions-rs/cargo': 'a `run: cargo …` step',
  'actions-rs/clippy-check': 'a `run: cargo clippy` step',
  'actions-rs/audit-check': '`rustsec/audit-check`',
  'actions-rs/tarpaulin': 'a `run: cargo tarpaulin` step',
  'actions-rs/install': 'a `run: cargo install --locked …` step',
  'azure/k8s-actions': '`azure/k8s-deploy` and `azure/setup-kubectl`',
  'azure/docker-login': '`docker/login-action`',
  'crazy-max/ghaction-docker-buildx': '`docker/setup-buildx-action`',
};

export default defineRule({
  id: 'gha/no-archived-action',
  domain: ghaDomain,
  meta: {
    title: 'Archived action',
    description:
      'A `uses:` names an action whose repository is archived by its owner (`actions/create-release`, `actions-rs/*`, `actions/setup-ruby`, …): it gets no security fixes and still runs on a deprecated Node runtime or an old API.',
    rationale:
      'Nobody fixes a vulnerability, a runtime deprecation or a broken API in an archived action; the workflow keeps working until the day it fails or is exploited, and the repository cannot even take a report. Low: nothing is wrong today, but a replacement exists for each. Kept as an offline list of the archived actions most seen in real workflows.',
    remediation: 'Replace it with the maintained action or the preinstalled CLI named in the message.',
    category: 'supply-chain',
    severity: 'low',
    confidence: 'high',
    aliases: ['zizmor:archived-uses'],
    references: ['https://github.com/actions/create-release'],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/release.yml',
          code: 'on:\n  push:\n    tags: ["v*"]\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/create-release@v1\n        with:\n          tag_name: ${{ github.ref_name }}\n',
          errors: [{ line: 8, column: 15, endLine: 8, endColumn: 40 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/release.yml',
          code: 'on:\n  push:\n    tags: ["v*"]\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gh release create "$GITHUB_REF_NAME" --generate-notes\n        env:\n          GH_TOKEN: ${{ github.token }}\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    for (const { uses, resource } of allUses(unit)) {
      if (uses.kind !== 'repository') continue;
      const replacement = ARCHIVED[uses.action];
      if (!replacement) continue;
      ctx.report({
        at: uses.value.loc,
        message: `\`${uses.owner}/${uses.repo}\` is archived and gets no fixes; use ${replacement}.`,
        resource,
        evidence: uses.action,
      });
    }
  },
});
