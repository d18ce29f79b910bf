import { defineRule } from '@plumbline/core';
import { ghaDomain } from '@plumbline/lang-yaml';
import { sameRepoOnly } from '../../lib/util.js';

const PR_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
  'issue_comment',
]);

export default defineRule({
  id: 'gha/no-self-hosted-runner-on-pr',
  domain: ghaDomain,
  meta: {
    title: 'Self-hosted runner used by pull requests',
    description:
      'A job of a workflow triggered by pull requests (or PR comments) runs on a `self-hosted` runner.',
    rationale:
      "On a public repository anyone can open a pull request, and its code then runs on your machine. Self-hosted runners are not wiped between jobs: an attacker can persist on the runner, read other jobs' secrets and reach your internal network. High; confidence medium because private repositories and ephemeral runners reduce the risk. Not reported in a job or step guarded by `github.event.pull_request.head.repo.full_name == github.repository` (or `head.repo.fork == false`): only people who can push branches here reach it, and they can change the workflow anyway.",
    remediation:
      'Use GitHub-hosted runners for pull-request workflows, or ephemeral, isolated self-hosted runners (just-in-time, one job each) in a runner group restricted to trusted workflows, and require approval for fork pull requests.',
    category: 'security',
    severity: 'high',
    confidence: 'medium',
    aliases: ['poutine:pr_runs_on_self_hosted', 'zizmor:self-hosted-runner'],
    references: [
      'https://docs.github.com/en/actions/hosting-your-own-runners/managing-self-hosted-runners/about-self-hosted-runners#self-hosted-runner-security',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: pull_request\njobs:\n  test:\n    runs-on: [self-hosted, linux]\n    steps:\n      - run: make test\n',
          errors: [{ line: 4, column: 14, endLine: 4, endColumn: 34 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/ci.yml',
          code: 'on: push\njobs:\n  test:\n    runs-on: [self-hosted, linux]\n    steps:\n      - run: make test\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    if (unit.kind !== 'workflow') return;
    const event = unit.triggers.find((t) => PR_EVENTS.has(t.event))?.event;
    if (!event) return;
    for (const job of unit.jobs) {
      if (!job.runsOn || !job.runnerLabels.includes('self-hosted') || sameRepoOnly(job)) continue;
      ctx.report({
        at: job.runsOn.loc,
        message: `Job \`${job.id}\` runs \`${event}\` code on a self-hosted runner.`,
        resource: `jobs.${job.id}`,
      });
    }
  },
});
