import { defineRule } from '@plumbline/core';
import { ghaDomain } from '@plumbline/lang-yaml';
import { deployOf, gatedByTests } from '../../lib/deploy.js';

export default defineRule({
  id: 'gha/deploy-requires-tests',
  domain: ghaDomain,
  meta: {
    title: 'Deploy not gated by tests',
    description:
      'A deploy job neither runs tests itself nor `needs:` (directly or through other jobs) a job that does, so it ships whatever was pushed, tested or not.',
    rationale:
      'Jobs run in parallel unless `needs:` orders them: a deploy next to a test job starts before the tests finish and still runs when they fail. Medium; confidence medium because tests may run in another workflow that protects the branch.',
    remediation:
      'Add `needs: [test]` (the job that runs the test suite) to the deploy job, or trigger the deploy with `workflow_run` after the CI workflow succeeds.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'medium',
    aliases: [],
    references: [
      'https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#jobsjob_idneeds',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/cd.yml',
          code: 'on:\n  push:\n    branches: [main]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: helm upgrade --install app ./chart --atomic\n',
          errors: [{ line: 9, column: 3, endLine: 9, endColumn: 9 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/cd.yml',
          code: 'on:\n  push:\n    branches: [main]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make test\n  deploy:\n    needs: test\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: helm upgrade --install app ./chart --atomic\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    if (unit.kind !== 'workflow') return;
    // Deploys chained after another workflow (CI) are gated there.
    if (unit.triggers.some((t) => t.event === 'workflow_run' || t.event === 'workflow_call')) return;
    for (const job of unit.jobs) {
      const deploy = deployOf(job);
      if (!deploy || gatedByTests(job)) continue;
      ctx.report({
        at: job.keyLoc,
        message: `Job \`${job.id}\` deploys (${deploy.what}) without needing a job that runs tests.`,
        resource: `jobs.${job.id}`,
      });
    }
  },
});
