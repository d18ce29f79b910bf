import { defineRule } from '@plumbline/core';
import { ghaDomain } from '@plumbline/lang-yaml';
import { deployOf } from '../../lib/deploy.js';

export default defineRule({
  id: 'gha/deploy-requires-environment',
  domain: ghaDomain,
  meta: {
    title: 'Deploy job without an environment',
    description:
      'A job deploys (Helm, kubectl, Terraform, a cloud deploy action) with credentials but declares no `environment:`.',
    rationale:
      'Environments are where GitHub enforces deployment rules: required reviewers, allowed branches, wait timers, environment-scoped secrets, and the deployment history shown on the repository. Without one, any branch whose workflow runs can deploy with the repository secrets and nobody sees what was deployed when. Medium.',
    remediation:
      'Declare `environment: production` (or staging) on the job, move its secrets to that environment and protect it with required reviewers or a branch policy.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'medium',
    aliases: [],
    references: [
      'https://docs.github.com/en/actions/managing-workflow-runs-and-deployments/managing-deployments/managing-environments-for-deployment',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/deploy.yml',
          code: 'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: azure/k8s-set-context@v4\n        with:\n          kubeconfig: ${{ secrets.KUBECONFIG }}\n      - run: kubectl apply -f k8s/\n',
          errors: [{ line: 5, column: 3, endLine: 5, endColumn: 9 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/deploy.yml',
          code: 'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: azure/k8s-set-context@v4\n        with:\n          kubeconfig: ${{ secrets.KUBECONFIG }}\n      - run: kubectl apply -f k8s/\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    if (unit.kind !== 'workflow') return;
    for (const job of unit.jobs) {
      if (job.environment) continue;
      const deploy = deployOf(job);
      if (!deploy) continue;
      ctx.report({
        at: job.keyLoc,
        message: `Job \`${job.id}\` deploys (${deploy.what}) without an \`environment:\`, so no protection rule or environment secret applies.`,
        resource: `jobs.${job.id}`,
      });
    }
  },
});
