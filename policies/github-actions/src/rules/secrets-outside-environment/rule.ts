import { defineRule, textOf } from '@plumbline/core';
import { type Expression, ghaDomain, type Job } from '@plumbline/lang-yaml';

const IDENTIFIER =
  /(_|\.)(arn|role|role_arn|role_to_assume|client_id|tenant_id|subscription_id|account_id|project_id|project_number|region|app_id|username|user|user_name|login|email)$/i;

function jobExpressions(job: Job): Expression[] {
  const values = [...job.env, ...job.with, ...job.steps.flatMap((s) => [...s.env, ...s.with])].map(
    (e) => e.value,
  );
  const runs = job.steps.flatMap((s) => (s.run ? [s.run] : []));
  return [...values, ...runs, ...(job.secrets ? [job.secrets] : [])].flatMap((v) => v.expressions);
}

export default defineRule({
  id: 'gha/secrets-outside-environment',
  domain: ghaDomain,
  meta: {
    title: 'Secret used in a job without an environment',
    description:
      'A job reads a repository secret (other than `GITHUB_TOKEN`) but declares no `environment:`.',
    rationale:
      'Repository secrets are available to every job of every workflow on every branch, so any workflow change that runs on a branch can read them. Environment secrets are released only to jobs of that environment, after its protection rules (required reviewers, allowed branches). Low: a defence-in-depth gap, not an exploit by itself. Opt-in (in the `strict` preset, not `recommended`): nearly every workflow that publishes or deploys reads a repository secret, and a pull-request reviewer cannot act on it in the change at hand; moving secrets to environments is a repository-wide decision.',
    remediation:
      'Move the secret to an environment (`environment: production`) with branch protection or required reviewers, and reference it from that job only.',
    category: 'security',
    severity: 'low',
    confidence: 'high',
    aliases: ['zizmor:secrets-outside-env'],
    optIn: true,
    references: [
      'https://docs.github.com/en/actions/managing-workflow-runs-and-deployments/managing-deployments/managing-environments-for-deployment#environment-secrets',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/publish.yml',
          code: 'on: push\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n',
          errors: [{ line: 8, column: 32, endLine: 8, endColumn: 49 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/publish.yml',
          code: 'on: push\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    environment: npm\n    steps:\n      - run: npm publish\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    if (unit.kind !== 'workflow') return;
    for (const job of unit.jobs) {
      if (job.environment) continue;
      const seen = new Set<string>();
      for (const e of jobExpressions(job)) {
        for (const c of e.contexts) {
          if (!c.path.startsWith('secrets.') || c.path === 'secrets.github_token' || c.path === 'secrets.*')
            continue;
          // Identifiers kept as secrets (a role ARN for OIDC, a client or account id, a user name) grant nothing by themselves.
          if (IDENTIFIER.test(c.path) || seen.has(c.path)) continue;
          seen.add(c.path);
          ctx.report({
            at: c.loc,
            message: `Job \`${job.id}\` reads \`${textOf(c.loc)}\` without an \`environment:\`; the secret is available to any workflow on any branch.`,
            resource: `jobs.${job.id}`,
            evidence: c.path,
          });
        }
      }
    }
  },
});
