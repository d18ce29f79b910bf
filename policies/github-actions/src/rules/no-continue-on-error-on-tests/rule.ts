import { defineRule, type Loc } from '@plumbline/core';
import { type GhaValue, ghaDomain } from '@plumbline/lang-yaml';
import { isTestStep, runsTests } from '../../lib/deploy.js';

const literalTrue = (v: GhaValue | undefined) =>
  v?.value === true || v?.text?.trim().toLowerCase() === 'true';
const span = (v: GhaValue): Loc => ({ file: v.keyLoc.file, start: v.keyLoc.start, end: v.loc.end });

export default defineRule({
  id: 'gha/no-continue-on-error-on-tests',
  domain: ghaDomain,
  meta: {
    title: 'Test failures ignored with continue-on-error',
    description:
      'A step (or job) that runs tests sets `continue-on-error: true`, so failing tests leave the run green.',
    rationale:
      'The check then protects nothing: branch protection sees success, dependent deploy jobs run, and failures pile up unnoticed until someone reads the logs. Medium. A matrix flag such as `continue-on-error: ${{ matrix.experimental }}` is not reported.',
    remediation:
      'Remove `continue-on-error` from test steps; quarantine known-flaky tests explicitly, or mark only experimental matrix entries with `continue-on-error: ${{ matrix.experimental }}`.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'medium',
    aliases: [],
    references: [
      'https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#jobsjob_idstepscontinue-on-error',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Run tests\n        run: pytest\n        continue-on-error: true\n',
          errors: [{ line: 8, column: 9, endLine: 8, endColumn: 32 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - name: Upload coverage\n        run: ./upload.sh\n        continue-on-error: true\n      - name: Run tests\n        run: pytest\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    if (unit.kind !== 'workflow') return;
    for (const job of unit.jobs) {
      if (literalTrue(job.continueOnError) && runsTests(job)) {
        ctx.report({
          at: span(job.continueOnError!),
          message: `Job \`${job.id}\` runs tests but its failure is ignored.`,
          resource: `jobs.${job.id}`,
        });
      }
      for (const step of job.steps) {
        if (!literalTrue(step.continueOnError) || !isTestStep(step)) continue;
        // `continue-on-error` + a later check of `steps.<id>.outcome` is the deliberate "report, then fail" pattern.
        const id = step.id?.toLowerCase();
        if (
          id &&
          job.steps.some(
            (s) =>
              s.index > step.index &&
              new RegExp(`steps\\.${id.replace(/[-.]/g, '\\$&')}\\.(outcome|conclusion)`, 'i').test(
                JSON.stringify([s.if?.value.text, s.run?.text, s.env.map((e) => e.value.text)]),
              ),
          )
        )
          continue;
        ctx.report({
          at: span(step.continueOnError!),
          message: "This test step's failure is ignored: the run stays green when tests fail.",
          resource: `jobs.${job.id}`,
        });
      }
    }
  },
});
