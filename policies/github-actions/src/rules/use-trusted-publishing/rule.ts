import { defineRule, type Loc } from '@plumbline/core';
import { allSteps, envFor, ghaDomain, type Step } from '@plumbline/lang-yaml';
import { findInScript } from '../../lib/shell.js';
import { resourceOf, usesAction } from '../../lib/util.js';

const COMMANDS: { re: RegExp; env: RegExp; registry: string }[] = [
  {
    re: /\b(npm|pnpm|bun)\s+publish\b|\byarn\s+(npm\s+)?publish\b/,
    env: /^(NODE_AUTH_TOKEN|NPM_TOKEN|NPM_AUTH_TOKEN|NPM_CONFIG_TOKEN|NPM_CONFIG__AUTHTOKEN|YARN_NPM_AUTH_TOKEN|BUN_AUTH_TOKEN)$/i,
    registry: 'npm',
  },
  {
    re: /\btwine\s+upload\b|\b(uv|poetry|hatch|flit)\s+publish\b/,
    env: /^(TWINE_PASSWORD|UV_PUBLISH_TOKEN|UV_PUBLISH_PASSWORD|POETRY_PYPI_TOKEN_PYPI|HATCH_INDEX_AUTH|FLIT_PASSWORD)$/,
    registry: 'PyPI',
  },
  { re: /\bgem\s+push\b/, env: /^(GEM_HOST_API_KEY|RUBYGEMS_API_KEY)$/, registry: 'RubyGems' },
  // `cargo +nightly publish`: a toolchain override before the subcommand.
  { re: /\bcargo\s+(\+\S+\s+)?publish\b/, env: /^CARGO_REGISTRY_TOKEN$/, registry: 'crates.io' },
  {
    re: /\b(dotnet\s+)?nuget\s+push\b/,
    env: /^(NUGET_API_KEY|NUGET_AUTH_TOKEN|NUGET_TOKEN)$/,
    registry: 'NuGet',
  },
];

/** A rehearsal publishes nothing: `npm publish --dry-run`, `cargo publish -n`, `uv publish --dry-run`. */
const DRY_RUN = /\s--dry-run\b|\bcargo\s+(\+\S+\s+)?publish\b[^\n]*\s-n\b/;

/** A credential on the command line: `--token $T`, `-p "$PW"`, `--api-key ${KEY}`, `-k $KEY`. */
const INLINE_CREDENTIAL = /(--token|--password|--api-key|-ApiKey)[= ]\S*\$|\s-[pk]\s+\S*\$/;

function secretIn(step: Step, name: string): boolean {
  const v = envFor(step, name)?.value;
  return !!v?.expressions.some((e) =>
    e.contexts.some((c) => c.path.startsWith('secrets.') && c.path !== 'secrets.github_token'),
  );
}

function finding(step: Step): { at: Loc; registry: string } | undefined {
  if (usesAction(step.uses, 'pypa/gh-action-pypi-publish')) {
    const pw = step.with.find((w) => w.name === 'password')?.value;
    if (pw?.expressions.some((e) => e.contexts.some((c) => c.path.startsWith('secrets.'))))
      return { at: pw.loc, registry: 'PyPI' };
    return undefined;
  }
  for (const { re, env, registry } of COMMANDS) {
    const hit = findInScript(step.run, re).find((h) => !DRY_RUN.test(h.line.text));
    if (!hit) continue;
    const names = [...step.env, ...(step.job?.env ?? []), ...(step.job?.workflow.env ?? [])].map(
      (e) => e.name,
    );
    const inline =
      INLINE_CREDENTIAL.test(hit.line.text) ||
      (step.run?.expressions ?? []).some((e) => e.contexts.some((c) => c.path.startsWith('secrets.')));
    if (inline || names.some((n) => env.test(n) && secretIn(step, n))) return { at: hit.loc, registry };
  }
  return undefined;
}

export default defineRule({
  id: 'gha/use-trusted-publishing',
  domain: ghaDomain,
  meta: {
    title: 'Package published with a long-lived token',
    description:
      'A package is published to npm (`npm`, `pnpm`, `yarn`, `bun publish`), PyPI (`twine`, `uv`, `poetry`, `hatch`, `flit`), RubyGems (`gem push`), crates.io (`cargo publish`, also `cargo +toolchain publish`) or NuGet (`dotnet nuget push`) with a stored API token although the registry supports Trusted Publishing from GitHub Actions. Dry runs (`--dry-run`, `cargo publish -n`) are not reported.',
    rationale:
      "A publish token stored as a secret works from anywhere until revoked; leaked, it lets anyone release a malicious version of the package to all its users. Trusted Publishing swaps the workflow's OIDC identity for a token that lives minutes and only works for this repository and workflow, and gives users provenance. Low: a hardening step.",
    remediation:
      'Configure the package for Trusted Publishing on the registry, grant `id-token: write` to the publishing job, and remove the token secret.',
    category: 'supply-chain',
    severity: 'low',
    confidence: 'high',
    aliases: ['zizmor:use-trusted-publishing'],
    references: ['https://docs.pypi.org/trusted-publishers/', 'https://docs.npmjs.com/trusted-publishers'],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/release.yml',
          code: 'on:\n  release:\n    types: [published]\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: pypa/gh-action-pypi-publish@release/v1\n        with:\n          password: ${{ secrets.PYPI_TOKEN }}\n',
          errors: [{ line: 10, column: 21, endLine: 10, endColumn: 46 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/release.yml',
          code: 'on:\n  release:\n    types: [published]\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    permissions:\n      id-token: write\n    steps:\n      - uses: pypa/gh-action-pypi-publish@release/v1\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    for (const step of allSteps(unit)) {
      const f = finding(step);
      if (f)
        ctx.report({
          at: f.at,
          message: `Publishes to ${f.registry} with a long-lived token; ${f.registry} supports Trusted Publishing (OIDC).`,
          resource: resourceOf(step),
        });
    }
  },
});
