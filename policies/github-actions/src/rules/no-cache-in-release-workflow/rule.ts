import { defineRule, type Loc } from '@plumbline/core';
import { allSteps, ghaDomain, type Step, type Workflow } from '@plumbline/lang-yaml';
import { resourceOf, usesAction } from '../../lib/util.js';

/** setup-* actions that cache when asked (`cache:`), and those that cache by default. */
const CACHE_INPUT = /^actions\/setup-(node|python|java|dotnet|ruby)$/;
const CACHE_BY_DEFAULT = [
  'actions/setup-go',
  'astral-sh/setup-uv',
  'swatinem/rust-cache',
  'mozilla-actions/sccache-action',
];

/**
 * Why a workflow is a release workflow, or undefined. `mixed` when it also runs on branch pushes
 * (CI on `main` that publishes images on tags, as in the `docker-publish` starter workflow): then
 * only caches in jobs that themselves publish are reported.
 */
export function releaseTrigger(wf: Workflow): { why: string; mixed: boolean } | undefined {
  let tagPush: { why: string; mixed: boolean } | undefined;
  for (const t of wf.triggers) {
    if (t.event === 'release') return { why: 'a release', mixed: false };
    if (t.event === 'push' && t.config && t.config.tags !== undefined) {
      const mixed = t.config.branches !== undefined || t.config['branches-ignore'] !== undefined;
      if (!tagPush || !mixed) tagPush = { why: 'a tag push', mixed };
    }
  }
  return tagPush;
}

function cacheUse(step: Step): Loc | undefined {
  const uses = step.uses;
  if (uses?.kind !== 'repository') return undefined;
  if (usesAction(uses, 'actions/cache', 'actions/cache/restore') && uses.path !== 'save')
    return uses.value.loc;
  if (CACHE_INPUT.test(uses.action)) {
    const cache = step.with.find((w) => w.name === 'cache')?.value;
    if (cache?.text && cache.text !== 'false' && cache.text !== '') return cache.loc;
  }
  if (CACHE_BY_DEFAULT.includes(uses.action)) {
    const input = step.with.find((w) => w.name === 'cache' || w.name === 'enable-cache')?.value;
    if (!input || (input.text !== 'false' && input.text !== 'auto')) return input?.loc ?? uses.value.loc;
  }
  if (usesAction(uses, 'docker/build-push-action', 'docker/bake-action')) {
    const from = step.with.find((w) => w.name === 'cache-from')?.value;
    if (from?.text && /type=gha/.test(from.text)) return from.loc;
  }
  return undefined;
}

const PUBLISH_ACTIONS = [
  'softprops/action-gh-release',
  'ncipollo/release-action',
  'svenstaro/upload-release-action',
  'actions/upload-release-asset',
  'goreleaser/goreleaser-action',
  'docker/build-push-action',
  'docker/bake-action',
  'pypa/gh-action-pypi-publish',
  'helm/chart-releaser-action',
  'sigstore/cosign-installer',
];
const PUBLISH_COMMAND =
  /\b(gh\s+release\s+(?:create|upload)|goreleaser\b|docker\s+(?:buildx\s+build[^\n]*--push|push)\b|(?:npm|pnpm|yarn)\s+publish\b|twine\s+upload\b|cargo\s+publish\b(?![^\n]*--dry-run)|gem\s+push\b|helm\s+push\b|cosign\s+sign\b|mvn\b[^\n]*\bdeploy\b|gradlew?\b[^\n]*\bpublish)/;

const publishingStep = (s: Step): boolean =>
  usesAction(s.uses, ...PUBLISH_ACTIONS) || (s.run?.text !== undefined && PUBLISH_COMMAND.test(s.run.text));

/** Does the workflow publish something people consume (release assets, packages, images)? */
function publishes(wf: Workflow): boolean {
  return allSteps(wf).some(publishingStep);
}

export default defineRule({
  id: 'gha/no-cache-in-release-workflow',
  domain: ghaDomain,
  meta: {
    title: 'Cache restored in a release workflow',
    description:
      'A workflow triggered by a release or a tag push (or on both branch and tag pushes, for the jobs that publish) restores the GitHub Actions cache (`actions/cache`, `setup-*` with `cache:`, `setup-go`, Docker `cache-from: type=gha`) and publishes something (release assets, packages, images).',
    rationale:
      'Cache entries are shared with workflows that run untrusted code (pull requests from branches, any job that can write the cache). A poisoned entry (a tampered `node_modules`, Go module or Docker layer) then ends up inside the released artifact, signed and published. Medium: it needs a cache write first, which several 2024 attacks achieved.',
    remediation:
      'Do not restore caches when building release artifacts: remove `cache:` inputs or set `cache: false` in release jobs; rebuild from pinned, verified dependencies.',
    category: 'supply-chain',
    severity: 'medium',
    confidence: 'medium',
    aliases: ['zizmor:cache-poisoning'],
    references: [
      'https://adnanthekhan.com/2024/05/06/the-monsters-in-your-build-cache-github-actions-cache-poisoning/',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/release.yml',
          code: "on:\n  push:\n    tags: ['v*']\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-node@v4\n        with:\n          cache: npm\n      - run: npm ci && npm publish\n",
          errors: [{ line: 10, column: 18, endLine: 10, endColumn: 21 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/release.yml',
          code: "on:\n  push:\n    tags: ['v*']\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-node@v4\n      - run: npm ci && npm publish\n",
        },
      ],
    },
  },
  check(unit, ctx) {
    if (unit.kind !== 'workflow') return;
    const trigger = releaseTrigger(unit);
    if (!trigger || !publishes(unit)) return;
    const why = trigger.why;
    for (const step of allSteps(unit)) {
      const at = cacheUse(step);
      // Also run on branch pushes: a cache in a test job does not reach what the tag run publishes.
      if (at && trigger.mixed && !step.job?.steps.some(publishingStep)) continue;
      if (at)
        ctx.report({
          at,
          message: `This workflow runs on ${why} and restores a cache here; a poisoned cache entry would end up in the release.`,
          resource: resourceOf(step),
        });
    }
  },
});
