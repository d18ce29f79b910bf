import { defineRule } from '@plumbline/core';
import { type GhaUnit, ghaDomain } from '@plumbline/lang-yaml';
import { insertIntoMap } from '../../lib/fix.js';

interface Options {
  /** Minutes the fix proposes. */
  fixMinutes: number;
}

export default defineRule<GhaUnit, Options>({
  id: 'gha/job-timeout',
  domain: ghaDomain,
  meta: {
    title: 'Job without timeout-minutes',
    description:
      "A job sets no `timeout-minutes`, so a hung step (a test waiting on a socket, a deploy waiting for a rollout) holds the runner for GitHub's default of 360 minutes.",
    rationale:
      'Six hours of a stuck job delays every queued run behind it, burns paid minutes or self-hosted capacity, and, for a deploy, keeps a concurrency group locked so the next fix cannot ship. None of the security scanners check it. Low: a reliability and cost issue.',
    remediation:
      'Set `timeout-minutes` on every job to a few times its usual duration (e.g. `timeout-minutes: 15` for tests, `30` for a deploy).',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    fixable: true,
    aliases: [],
    references: [
      'https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#jobsjob_idtimeout-minutes',
    ],
    options: {
      schema: {
        type: 'object',
        properties: { fixMinutes: { type: 'integer', minimum: 1, maximum: 4320 } },
        additionalProperties: false,
      },
      defaults: { fixMinutes: 30 },
    },
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n',
          errors: [{ line: 3, column: 3, endLine: 3, endColumn: 7 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    timeout-minutes: 15\n    steps:\n      - run: make test\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    if (unit.kind !== 'workflow') return;
    for (const job of unit.jobs) {
      if (job.uses || job.timeoutMinutes) continue;
      const minutes = ctx.options.fixMinutes ?? 30;
      const fix = insertIntoMap(
        unit.doc,
        job.route,
        [`timeout-minutes: ${minutes}`],
        `Limit job \`${job.id}\` to ${minutes} minutes (adjust to a few times its usual duration)`,
        job.runsOn ? 'runs-on' : undefined,
      );
      ctx.report({
        at: job.keyLoc,
        message: `Job \`${job.id}\` has no \`timeout-minutes\`; a hung step holds it for 360 minutes.`,
        resource: `jobs.${job.id}`,
        ...(fix ? { fix } : {}),
      });
    }
  },
});
