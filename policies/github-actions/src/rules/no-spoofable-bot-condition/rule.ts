import { defineRule } from '@plumbline/core';
import { ghaDomain } from '@plumbline/lang-yaml';
import { conditions, sameRepoOnly } from '../../lib/util.js';

const SPOOFABLE = new Set([
  'github.actor',
  'github.actor_id',
  'github.triggering_actor',
  'github.event.sender.login',
  'github.event.sender.id',
]);
const ACTOR = String.raw`github\s*\.\s*(?:actor|triggering_actor|event\s*\.\s*sender\s*\.\s*login)`;
const ACTOR_ID = String.raw`github\s*\.\s*(?:actor_id|event\s*\.\s*sender\s*\.\s*id)`;
const BOT_NAME = String.raw`'[^']*\[bot\]'`;
/** A user id (dependabot[bot] is 49699333, github-actions[bot] 41898282), bare or quoted. */
const USER_ID = String.raw`(?:\d+|'\d+')`;
const BOT_COMPARISON = new RegExp(
  `(?:${ACTOR})\\s*==\\s*${BOT_NAME}|${BOT_NAME}\\s*==\\s*(?:${ACTOR})|(?:${ACTOR_ID})\\s*==\\s*${USER_ID}|${USER_ID}\\s*==\\s*(?:${ACTOR_ID})`,
  'i',
);

/** `github['actor']` and `github["actor"]` read as `github.actor`, so one pattern sees every spelling. */
function dotted(text: string): string {
  return text.replace(/\[\s*(?:'([A-Za-z_][\w-]*)'|"([A-Za-z_][\w-]*)")\s*\]/g, (_m, a, b) => `.${a ?? b}`);
}

export default defineRule({
  id: 'gha/no-spoofable-bot-condition',
  domain: ghaDomain,
  meta: {
    title: 'Bot check on a spoofable actor',
    description:
      "An `if:` trusts `github.actor` (or `github.triggering_actor`, `github.event.sender.login`, in dot or `github['actor']` index form) to be a bot such as `dependabot[bot]`, or `github.actor_id` / `github.event.sender.id` to be a bot's user id (`49699333` is Dependabot).",
    rationale:
      "`github.actor` is whoever caused the latest event, not who wrote the code: an attacker can open a pull request and get the bot to act on it (e.g. by a `@dependabot rebase` comment or by updating a bot's branch), and then the guarded step (auto-merge, auto-approve, secrets) runs for their code. High; medium confidence because the guarded step may be harmless. Low when the workflow has no privileged trigger (only `pull_request`, `push`, ...): a fork's pull request then gets no secrets and a read-only token whoever the actor is. Not reported in a job that only runs for pull requests from this repository (`github.event.pull_request.head.repo.full_name == github.repository`).",
    remediation:
      "Check the author of the pull request instead: `github.event.pull_request.user.login == 'dependabot[bot]'`, and use `dependabot/fetch-metadata` for anything more.",
    category: 'security',
    severity: 'high',
    confidence: 'medium',
    aliases: ['zizmor:bot-conditions', 'poutine:confused_deputy_auto_merge'],
    references: [
      'https://docs.github.com/en/code-security/dependabot/working-with-dependabot/automating-dependabot-with-github-actions',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/workflows/automerge.yml',
          code: 'on: pull_request_target\njobs:\n  merge:\n    if: github.actor == \'dependabot[bot]\'\n    runs-on: ubuntu-latest\n    steps:\n      - run: gh pr merge --auto "$URL"\n',
          errors: [{ line: 4, column: 9, endLine: 4, endColumn: 21 }],
        },
      ],
      valid: [
        {
          filename: '.github/workflows/automerge.yml',
          code: 'on: pull_request_target\njobs:\n  merge:\n    if: github.event.pull_request.user.login == \'dependabot[bot]\'\n    runs-on: ubuntu-latest\n    steps:\n      - run: gh pr merge --auto "$URL"\n',
        },
      ],
    },
  },
  check(unit, ctx) {
    // Without a privileged trigger the guarded job gets no secrets and a read-only token on a fork's
    // pull request: spoofing the bot there gains little.
    const privileged =
      unit.kind !== 'workflow' ||
      unit.triggers.some((t) => t.trust === 'untrusted-privileged' || t.trust === 'inherited');
    for (const { condition, resource, job } of conditions(unit)) {
      if (sameRepoOnly(job)) continue;
      const m =
        dotted(condition.expression.body).match(BOT_COMPARISON) ??
        dotted(condition.value.text ?? '').match(BOT_COMPARISON);
      if (!m) continue;
      const all = [condition.expression, ...condition.value.expressions].flatMap((e) => e.contexts);
      const context = all.find((c) => SPOOFABLE.has(c.path));
      if (!context) continue;
      ctx.report({
        at: context.loc,
        message: `\`${context.path}\` is compared with a bot name; anyone can make the bot the actor of an event on their pull request.`,
        resource,
        evidence: m[0],
        ...(privileged ? {} : { severity: 'low' as const }),
      });
    }
  },
});
