import { defineRule } from '@plumbline/core';
import { ghaDomain, type Job } from '@plumbline/lang-yaml';
import { usesAction } from '../../lib/util.js';

const GATE =
  /author_association|comment\.user\.login|event\.sender\.login|github\.actor\s*==|github\.triggering_actor\s*==|user\.type/i;
const PERMISSION_CHECK_ACTIONS = [
  'xt0rted/slash-command-action',
  'peter-evans/slash-command-dispatch',
  'actions-cool/check-user-permission',
  'sushichop/action-repository-permission',
  'prince-chrismc/check-actor-permissions-action',
  'lannonbr/repo-permission-check-action',
  'tspascoal/get-user-teams-membership',
];

/** The job's `if:` limits it to other events (`github.event_name == 'pull_request_target'`). */
function otherEventsOnly(job: Job): boolean {
  const text = job.if?.value.text ?? '';
  const events = [...text.matchAll(/event_name\s*==\s*'([\w-]+)'/g)].map((m) => m[1]);
  return events.length > 0 && !events.includes('issue_comment') && !/event_name\s*!=/.test(text);
}

function gated(job: Job): boolean {
  if (GATE.test(job.if?.value.text ?? '') || otherEventsOnly(job)) return true;
  return job.steps.some(
    (s) =>
      usesAction(s.uses, ...PERMISSION_CHECK_ACTIONS) ||
      GATE.test(s.if?.value.text ?? '') ||
      /collaborators\/[^\s]+\/permission|getCollaboratorPermissionLevel|author_association/.test(
        `${s.run?.text ?? ''} ${s.with.map((w) => w.value.text ?? '').join(' ')}`,
      ),
  );
}

export default defineRule({
  id: 'gha/issue-comment-requires-author-check',
  domain: ghaDomain,
  meta: {
    title: 'Comment-triggered job without an author check',
    description:
      'A job of an `issue_comment` workflow runs scripts or actions without checking who wrote the comment (`author_association`, a collaborator permission lookup, or a slash-command action that does it).',
    rationale:
      "Anyone who can comment on a public repository can trigger the job, which runs with the repository's secrets and a token that can write. A `/deploy` or `/test` command that anyone can type is a privilege escalation, and often checks out the pull request too. Medium: the job may do nothing sensitive.",
    remediation:
      'Gate the job: `if: contains(fromJSON(\'["OWNER", "MEMBER", "COLLABORATOR"]\'), github.event.comment.author_association)`, or look up the commenter\'s permission before acting.',
    category: 'security',
    severity: 'medium',
    confidence: 'medium',
    aliases: [],
    references: ['https://docs.github.com/en/webhooks/webhook-events-and-payloads#issue_comment'],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/command.yml',
          code: "on: issue_comment\njobs:\n  deploy:\n    if: startsWith(github.event.comment.body, '/deploy')\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n",
          errors: [{ line: 3, column: 3, endLine: 3, endColumn: 9 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/command.yml',
          code: "on: issue_comment\njobs:\n  deploy:\n    if: startsWith(github.event.comment.body, '/deploy') && github.event.comment.author_association == 'MEMBER'\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n",
        },
      ],
    },
  },
  check(unit, ctx) {
    if (unit.kind !== 'workflow' || !unit.triggers.some((t) => t.event === 'issue_comment')) return;
    for (const job of unit.jobs) {
      if (job.uses || job.steps.length === 0 || gated(job)) continue;
      // Jobs that only use a few well-known, inert actions (labelling, reactions) are not commands.
      const acts = job.steps.some(
        (s) => s.run || (s.uses && s.uses.kind !== 'repository') || usesAction(s.uses, 'actions/checkout'),
      );
      if (!acts) continue;
      ctx.report({
        at: job.keyLoc,
        message: `Job \`${job.id}\` runs on any issue comment without checking the commenter's association or permission.`,
        resource: `jobs.${job.id}`,
      });
    }
  },
});
