import { defineRule } from '@plumbline/core';
import { ancestors, ghaDomain, type Job, type Trigger } from '@plumbline/lang-yaml';
import { deployOf } from '../../lib/deploy.js';

const REF_CHECK = /github\.(ref|ref_name|head_ref|base_ref|event_name|event\.ref)\b|refs\/(heads|tags)\//i;

/** A `push` trigger that fires for every branch (no `branches` filter, or a catch-all one). */
function pushOnEveryBranch(t: Trigger): boolean {
  if (t.event !== 'push') return false;
  const c = t.config;
  if (!c) return true;
  if (c.tags !== undefined && c.branches === undefined) return false;
  const branches = c.branches;
  if (branches === undefined) return true;
  const list = Array.isArray(branches) ? branches : [branches];
  return list.some((b) => b === '**' || b === '*');
}

/** Does the job (or a job it waits for) only run for some refs? */
function refGated(job: Job): boolean {
  return [job, ...ancestors(job)].some((j) => REF_CHECK.test(j.if?.value.text ?? ''));
}

export default defineRule({
  id: 'gha/no-deploy-on-every-branch',
  domain: ghaDomain,
  meta: {
    title: 'Deploy runs on pushes to every branch',
    description:
      'A deploy job is triggered by `push` without a `branches:` filter (or with `**`) and has no `if:` on the ref, so a push to any branch deploys it.',
    rationale:
      'Any contributor\'s work-in-progress branch, or a branch made by a compromised token, goes straight to the target environment, overwriting what main deployed. The intent is almost always "deploy main" (or tags). Medium; confidence medium because an environment branch policy may still block it.',
    remediation:
      "Filter the trigger (`on: push: branches: [main]`) or gate the job (`if: github.ref == 'refs/heads/main'`), and add a deployment branch policy to the environment.",
    category: 'reliability',
    severity: 'medium',
    confidence: 'medium',
    aliases: [],
    references: [
      'https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#onpushbranchestagsbranches-ignoretags-ignore',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/deploy.yml',
          code: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: helm upgrade --install app ./chart --atomic\n',
          errors: [{ line: 3, column: 3, endLine: 3, endColumn: 9 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/deploy.yml',
          code: 'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: helm upgrade --install app ./chart --atomic\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    if (unit.kind !== 'workflow' || !unit.triggers.some(pushOnEveryBranch)) return;
    for (const job of unit.jobs) {
      const deploy = deployOf(job);
      if (!deploy || refGated(job)) continue;
      ctx.report({
        at: job.keyLoc,
        message: `Job \`${job.id}\` deploys (${deploy.what}) on a push to any branch: nothing restricts it to main or tags.`,
        resource: `jobs.${job.id}`,
      });
    }
  },
});
