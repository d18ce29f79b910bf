import { defineRule } from '@plumbline/core';
import { ghaDomain } from '@plumbline/lang-yaml';
import { deployOf } from '../../lib/deploy.js';
import { insertIntoMap } from '../../lib/fix.js';

export default defineRule({
  id: 'gha/deploy-requires-concurrency',
  domain: ghaDomain,
  meta: {
    title: 'Deploy job without concurrency control',
    description:
      'A job that deploys (Helm, kubectl, Terraform, a cloud deploy action, or a production environment) sets no `concurrency:`, and neither does its workflow.',
    rationale:
      'Two pushes in quick succession start two deploys that run at the same time: Helm releases lock or fail with "another operation is in progress", Terraform applies race on state, and the older commit can finish last and win. A concurrency group makes deploys queue in order. Medium.',
    remediation:
      'Add `concurrency: { group: deploy-production, cancel-in-progress: false }` to the deploy job (do not cancel a deploy halfway).',
    category: 'reliability',
    severity: 'medium',
    confidence: 'medium',
    fixable: true,
    aliases: [],
    references: [
      'https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/control-the-concurrency-of-workflows-and-jobs',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/deploy.yml',
          code: 'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: helm upgrade --install app ./chart --atomic\n',
          errors: [{ line: 5, column: 3, endLine: 5, endColumn: 9 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/deploy.yml',
          code: 'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    concurrency:\n      group: deploy-production\n      cancel-in-progress: false\n    steps:\n      - run: helm upgrade --install app ./chart --atomic\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    if (unit.kind !== 'workflow' || unit.concurrency) return;
    for (const job of unit.jobs) {
      if (job.concurrency) continue;
      const deploy = deployOf(job);
      if (!deploy) continue;
      const group = `deploy-${(job.environment?.name ?? job.id).replace(/[^\w.-]+/g, '-')}`;
      const fix = insertIntoMap(
        unit.doc,
        job.route,
        ['concurrency:', `  group: ${group}`, '  cancel-in-progress: false'],
        'Queue deploys of this job one at a time',
      );
      ctx.report({
        at: job.keyLoc,
        message: `Job \`${job.id}\` deploys (${deploy.what}) without \`concurrency:\`; two runs can deploy at the same time or out of order.`,
        resource: `jobs.${job.id}`,
        ...(fix ? { fix } : {}),
      });
    }
  },
});
