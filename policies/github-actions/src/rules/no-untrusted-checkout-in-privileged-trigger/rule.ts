import { defineRule, type Loc } from '@plumbline/core';
import { type GhaValue, ghaDomain, type Job, type Step } from '@plumbline/lang-yaml';
import { findInScript } from '../../lib/shell.js';
import { sameRepoOnly as sameRepoGuard, stepLabel, usesAction } from '../../lib/util.js';

const PRIVILEGED = new Set(['pull_request_target', 'workflow_run', 'issue_comment']);
const HEAD_CONTEXT =
  /^github\.(head_ref|event\.pull_request\.head\.(sha|ref|repo\.full_name)|event\.pull_request\.merge_commit_sha|event\.workflow_run\.(head_sha|head_branch|head_commit\.id|head_repository\.full_name)|event\.(number|issue\.number|pull_request\.number))$/;
/** Steps after the checkout that do not run code from the workspace. */
const INERT = [
  'actions/upload-artifact',
  'actions/download-artifact',
  'actions/labeler',
  'actions/github-script',
  'actions/cache',
  'peter-evans/create-or-update-comment',
  'marocchino/sticky-pull-request-comment',
];

/** Where a value points at the pull request's code (`refs/pull/N/merge`, the head SHA, ...). */
function headRef(value: GhaValue | undefined): Loc | undefined {
  if (!value?.text) return undefined;
  for (const e of value.expressions) {
    const hit = e.contexts.find((c) => HEAD_CONTEXT.test(c.path));
    if (hit && !(hit.path.endsWith('number') && !/refs\/pull\//.test(value.text))) return e.loc;
  }
  return undefined;
}

/** The checkout of the pull request's code in a step, and whether the same script goes on to run more. */
function untrustedCheckout(step: Step): { at: Loc; runsAfter: boolean } | undefined {
  if (usesAction(step.uses, 'actions/checkout')) {
    const ref = step.with.find((w) => w.name === 'ref')?.value;
    const repo = step.with.find((w) => w.name === 'repository')?.value;
    const at = headRef(ref) ?? headRef(repo);
    return at ? { at, runsAfter: false } : undefined;
  }
  const headInScript = step.run?.expressions.some((e) => e.contexts.some((c) => HEAD_CONTEXT.test(c.path)));
  const hits = findInScript(
    step.run,
    /\b(git\s+(?:fetch|checkout|pull)\b[^\n;&|]*|gh\s+pr\s+checkout\b[^\n;&|]*)/,
  );
  for (const hit of hits) {
    const command = hit.match[1]!;
    if (command.startsWith('gh') || (headInScript && /\$\{\{|refs\/pull|FETCH_HEAD/.test(command))) {
      const rest = step.run!.text!.slice(hit.line.end).trim();
      return { at: hit.loc, runsAfter: rest.length > 0 };
    }
  }
  return undefined;
}

/** Commands that run code from the checked-out tree (build scripts, package hooks, tests, repo scripts). */
const BUILD =
  /\b(?:npm|pnpm|yarn|bun)\s+(?:install|ci|i|run|test|build|exec|x)\b|\bmake\b|\bpip3?\s+install\b|\b(?:poetry|pipenv|uv)\s+(?:install|sync|run)\b|\bpython3?\s+(?:setup\.py|-m\s+(?:pytest|pip|build))|\bpytest\b|\btox\b|\bgo\s+(?:build|test|run|generate|install|vet)\b|\bcargo\s|\bmvnw?\b|\bgradlew?\b|\bbundle\s+(?:install|exec)\b|\brake\b|\bcomposer\s+install\b|\bdotnet\s|\bdocker\s+(?:build|compose)\b|\bskaffold\s+(?:run|build|dev|deploy|test)\b|\bbazel\b|\bcmake\b|\bpre-commit\b|(?:^|[\s;&|(])(?:\.\/|bash\s+\S|sh\s+\S|source\s)/m;
/** Actions that build or run the checked-out code. */
const BUILD_ACTIONS =
  /^(docker\/build-push-action|docker\/bake-action|gradle\/gradle-build-action|gradle\/actions|github\/codeql-action|pre-commit\/action|jfrog\/frogbot|cypress-io\/github-action|golangci\/golangci-lint-action|goreleaser\/goreleaser-action|pnpm\/action-setup|borales\/actions-yarn)$/;

function executes(step: Step): boolean {
  if (step.run?.text !== undefined) {
    // Global tool installs (`npm install -g x`, `pip install --user x`) do not touch the checked-out tree.
    const script = step.run.text.replace(
      /\b(?:npm|pnpm|yarn)\s+(?:install|i|add)\s+(?:-g|--global)\b[^\n;&|]*|\bpip3?\s+install\s+(?!-r\b|-e\b|\.)[\w=<>.[\], -]*$/gm,
      '',
    );
    return BUILD.test(script);
  }
  if (!step.uses) return false;
  if (step.uses.kind === 'local' || step.uses.kind === 'docker') return true;
  return (
    step.uses.kind === 'repository' &&
    BUILD_ACTIONS.test(step.uses.action) &&
    !INERT.includes(step.uses.action)
  );
}

/** The job only runs for pull requests from the same repository (no fork can reach it). */
function sameRepoOnly(job: Job): boolean {
  const text = job.if?.value.text ?? '';
  return (
    sameRepoGuard(job) ||
    // Pull requests opened by a bot (Dependabot, Renovate) come from branches of the base repository.
    /pull_request\.user\.login\s*==\s*'[^']*\[bot\]'/.test(text)
  );
}

export default defineRule({
  id: 'gha/no-untrusted-checkout-in-privileged-trigger',
  domain: ghaDomain,
  meta: {
    title: 'Pull request code checked out and run in a privileged workflow',
    description:
      'A `pull_request_target`, `workflow_run` or `issue_comment` workflow checks out the pull request head (its ref, SHA or merge ref) and then runs a build, a script or an action on it.',
    rationale:
      'These triggers run with the base repository\'s secrets and a token that can write. Building or testing the fork\'s code there hands both to whoever opened the pull request ("pwn request"): a changed `package.json` script, Makefile or test is enough. Critical: any GitHub user can exploit it without review.',
    remediation:
      'Build untrusted code in a `pull_request` workflow (no secrets, read-only token) and pass results as artifacts to a privileged `workflow_run` workflow that only reads them as data. If the privileged job is needed, do not check out the head, or gate it to same-repository pull requests.',
    category: 'security',
    severity: 'critical',
    confidence: 'high',
    aliases: ['poutine:untrusted_checkout_exec', 'zizmor:dangerous-triggers', 'scorecard:Dangerous-Workflow'],
    references: ['https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/'],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/preview.yml',
          code: `on: pull_request_target
jobs:
  preview:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - run: npm ci && npm run build
`,
          errors: [{ line: 8, column: 16, endLine: 8, endColumn: 57 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/preview.yml',
          code: `on: pull_request
jobs:
  preview:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci && npm run build
`,
        },
      ],
    },
  },
  check(unit, ctx) {
    if (unit.kind !== 'workflow') return;
    const trigger = unit.triggers.find((t) => PRIVILEGED.has(t.event));
    if (!trigger) return;
    for (const job of unit.jobs) {
      if (sameRepoOnly(job)) continue;
      for (const step of job.steps) {
        const checkout = untrustedCheckout(step);
        if (!checkout) continue;
        // Checked out into a sub-directory: only steps that work in it run the pull request's code.
        const dir = step.with
          .find((w) => w.name === 'path')
          ?.value.text?.replace(/^\.\//, '')
          .replace(/\/$/, '');
        const inDir = (s: Step) =>
          !dir || dir === '.' || [s.run?.text, s.workingDirectory?.text].some((t) => t?.includes(dir));
        const runner =
          checkout.runsAfter && executes(step)
            ? step
            : job.steps.find((s) => s.index > step.index && executes(s) && inDir(s));
        if (!runner) continue;
        ctx.report({
          at: checkout.at,
          message: `\`${trigger.event}\` job \`${job.id}\` checks out the pull request's code here and runs it in ${runner === step ? 'the same script' : stepLabel(runner)} with the base repository's secrets and token.`,
          resource: `jobs.${job.id}`,
        });
        break;
      }
    }
  },
});
