import { defineRule } from '@plumbline/core';
import { ghaDomain } from '@plumbline/lang-yaml';

/** Triggers that fire again and again for the same branch or pull request. */
const REPEATING = new Set(['push', 'pull_request', 'pull_request_target', 'merge_group']);

export default defineRule({
  id: 'gha/require-workflow-concurrency',
  domain: ghaDomain,
  meta: {
    title: 'Workflow without a concurrency group',
    description:
      'A workflow that runs on every push or pull-request update sets no `concurrency:` (at the top or on every job), so superseded runs keep running beside the new one.',
    rationale:
      'Every push to a pull request starts a full run while the previous one is still going: runner minutes are spent on commits nobody will merge, queues grow, and two runs of a job that writes (a preview deploy, a cache, a comment) race each other. Low, opt-in: a cost and hygiene gap; deploy jobs without concurrency are reported at medium by `gha/deploy-requires-concurrency`.',
    remediation:
      'Add `concurrency: { group: ${{ github.workflow }}-${{ github.ref }}, cancel-in-progress: true }` at the top of the workflow (without cancel-in-progress for release jobs).',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    optIn: true,
    aliases: ['zizmor:concurrency-limits'],
    references: [
      'https://docs.github.com/en/actions/how-tos/write-workflows/choose-when-workflows-run/control-workflow-concurrency',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'name: CI\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n',
          errors: [{ line: 2, column: 1, endLine: 2, endColumn: 3 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'name: CI\non: [push, pull_request]\nconcurrency:\n  group: ${{ github.workflow }}-${{ github.ref }}\n  cancel-in-progress: true\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    if (unit.kind !== 'workflow' || unit.concurrency || unit.jobs.length === 0) return;
    if (!unit.triggers.some((t) => REPEATING.has(t.event))) return;
    if (unit.jobs.every((j) => j.concurrency || j.uses)) return;
    const on = unit.doc.keyAt(['on']) ?? unit.loc;
    ctx.report({
      at: on,
      message: 'No `concurrency:` group: a new push does not cancel the runs it supersedes.',
      evidence: 'workflow concurrency',
    });
  },
});
