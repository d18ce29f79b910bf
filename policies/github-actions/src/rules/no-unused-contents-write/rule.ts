import { defineRule } from '@plumbline/core';
import { ghaDomain, type Job, type Step } from '@plumbline/lang-yaml';

/**
 * Actions that never write to the repository with the job token (they read it, build, log in
 * elsewhere, or write other scopes). Anything not listed may write, so the job is left alone.
 */
const READ_ONLY = [
  'actions/checkout',
  'actions/cache',
  'actions/upload-artifact',
  'actions/download-artifact',
  'actions/dependency-review-action',
  'docker/setup-buildx-action',
  'docker/setup-qemu-action',
  'docker/login-action',
  'docker/metadata-action',
  'docker/build-push-action',
  'aws-actions/configure-aws-credentials',
  'google-github-actions/auth',
  'google-github-actions/setup-gcloud',
  'azure/login',
  'azure/setup-helm',
  'azure/setup-kubectl',
  'hashicorp/setup-terraform',
  'codecov/codecov-action',
  'golangci/golangci-lint-action',
  'pnpm/action-setup',
  'astral-sh/setup-uv',
  'dtolnay/rust-toolchain',
  'ruby/setup-ruby',
  'sigstore/cosign-installer',
  'github/codeql-action',
];
const READ_ONLY_PATTERN = /^actions\/setup-[a-z]+$/;

/**
 * Anything in a script that may use the token or the checkout's persisted credentials to write:
 * git, `gh`, the REST API, token variables, and release/publish tooling in lower case (including
 * `make release`, `npm run publish`: the script behind them is not visible).
 */
const MAY_WRITE_ANY_CASE = /\bgit\b|\bgh\b|api\.github\.com|GITHUB_TOKEN|GH_TOKEN|github\.token/i;
const MAY_WRITE_WORD =
  /\b(?:release|publish|deploy|push|tag|commit|version|changeset|semantic-release|goreleaser)\b/;
/** Image pushes and tags go to a registry, not to the repository. */
const IMAGE_TOOL = /\b(?:docker|podman|buildah|crane|skopeo)\b/;

function scriptMayWrite(script: string): boolean {
  if (MAY_WRITE_ANY_CASE.test(script)) return true;
  return script.split('\n').some((line) => {
    const words = IMAGE_TOOL.test(line) ? line.replace(/(?:--)?\b(?:push|tag)\b/g, ' ') : line;
    return MAY_WRITE_WORD.test(words);
  });
}

const readOnlyStep = (step: Step): boolean => {
  if (step.run) return step.run.text !== undefined && !scriptMayWrite(step.run.text) && !tokenIn(step);
  const uses = step.uses;
  if (uses?.kind !== 'repository') return false;
  return READ_ONLY.includes(uses.action) || READ_ONLY_PATTERN.test(uses.action);
};

/** The token handed to a script through `env:` (step, job or workflow). */
function tokenIn(step: Step): boolean {
  const job = step.job;
  const entries = [...step.env, ...(job?.env ?? []), ...(job?.workflow.env ?? [])];
  return entries.some(
    (e) => /github\.token|secrets\.github_token/i.test(e.value.text ?? '') || /TOKEN/.test(e.name),
  );
}

const clearlyReadOnly = (job: Job): boolean =>
  !job.uses && job.steps.length > 0 && job.steps.every(readOnlyStep);

export default defineRule({
  id: 'gha/no-unused-contents-write',
  domain: ghaDomain,
  meta: {
    title: '`contents: write` on a job that does not write to the repository',
    description:
      'A job grants `contents: write` but none of its steps pushes, tags, releases, calls `gh` or the API, hands the token to a script, or uses an action that could write: only checkout, setup, cache, artifact, build and login actions and plain build or test commands.',
    rationale:
      'With `contents: write` the job token can push commits and tags, rewrite releases and change workflows of unprotected branches. A job that only builds and tests runs dependencies and tools that do not need that power; leaving it there turns any compromise of the build into a compromise of the repository. Low: the job is already scoped, only too broadly.',
    remediation: 'Lower the scope to `contents: read` (or remove it when the job sets other scopes only).',
    category: 'security',
    severity: 'low',
    confidence: 'medium',
    aliases: ['zizmor:excessive-permissions'],
    references: [
      'https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#permissions',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: `on: push
permissions: {}
jobs:
  test:
    runs-on: ubuntu-latest
    permissions:
      contents: write
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
      - run: go test ./...
`,
          errors: [{ line: 7, column: 7, endLine: 7, endColumn: 22 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: `on: push
permissions: {}
jobs:
  test:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-go@v5
      - run: go test ./...
`,
        },
      ],
    },
  },
  check(unit, ctx) {
    if (unit.kind !== 'workflow') return;
    for (const job of unit.jobs) {
      const scope = job.permissions?.scopes.find((s) => s.name === 'contents' && s.level === 'write');
      if (!scope || !clearlyReadOnly(job)) continue;
      ctx.report({
        at: { file: scope.keyLoc.file, start: scope.keyLoc.start, end: scope.loc.end },
        message: `Job \`${job.id}\` grants \`contents: write\`, but its steps only check out, build, test and use read-only actions; \`contents: read\` is enough.`,
        resource: `jobs.${job.id}`,
        evidence: 'contents: write',
      });
    }
  },
});
