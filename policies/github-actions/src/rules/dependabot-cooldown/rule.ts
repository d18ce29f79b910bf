import { defineRule } from '@plumbline/core';
import { dependabotDomain } from '@plumbline/lang-yaml';

const DEFAULT_DAYS = 7;

export default defineRule({
  id: 'gha/dependabot-cooldown',
  domain: dependabotDomain,
  meta: {
    title: 'Dependabot updates without a cooldown',
    description:
      'An entry of `.github/dependabot.yml` has no `cooldown`, a `cooldown` without `default-days`, or a `default-days` below the minimum (7 days unless configured), so Dependabot proposes a release the day it is published.',
    rationale:
      'Compromised releases (stolen maintainer tokens, hijacked packages) are usually found and pulled within days; a pull request opened within hours of the release, merged by a busy reviewer or an auto-merge workflow, brings the malware in before anyone has noticed. A cooldown only delays version updates: security updates are never held back. Low: it narrows a window rather than closing a hole.',
    remediation:
      'Add `cooldown: { default-days: 7 }` to each entry of `updates:` (optionally longer `semver-major-days`).',
    category: 'supply-chain',
    severity: 'low',
    confidence: 'high',
    aliases: ['zizmor:dependabot-cooldown'],
    references: [
      'https://docs.github.com/en/code-security/dependabot/working-with-dependabot/dependabot-options-reference#cooldown-',
      'https://docs.zizmor.sh/audits/#dependabot-cooldown',
    ],
    options: {
      schema: {
        type: 'object',
        properties: { days: { type: 'integer', minimum: 1, maximum: 90 } },
        additionalProperties: false,
      },
      defaults: { days: DEFAULT_DAYS },
    },
    examples: {
      invalid: [
        {
          filename: '.github/dependabot.yml',
          code: 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule:\n      interval: weekly\n',
          errors: [{ line: 3, column: 5, endLine: 3, endColumn: 27 }],
        },
      ],
      valid: [
        {
          filename: '.github/dependabot.yml',
          code: 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule:\n      interval: weekly\n    cooldown:\n      default-days: 7\n',
        },
      ],
    },
  },
  check(config, ctx) {
    const minimum = Number(ctx.options.days ?? DEFAULT_DAYS);
    for (const update of config.updates) {
      // `open-pull-requests-limit: 0` turns version updates off: only security updates, which no cooldown holds.
      if (update.openPullRequestsLimit?.value === 0) continue;
      const what = update.ecosystem ? `\`${update.ecosystem}\` updates` : `\`updates[${update.index}]\``;
      if (!update.cooldown) {
        ctx.report({
          at: update.loc,
          message: `${what} have no \`cooldown\`: a release is proposed the day it is published.`,
          resource: `updates[${update.index}]`,
        });
      } else if (typeof update.cooldown.value !== 'object' || update.cooldown.value === null) {
        // `cooldown: 7`: GitHub rejects the file, which `valid-dependabot-config` reports.
      } else if (!update.defaultDays) {
        ctx.report({
          at: update.cooldown.keyLoc,
          message: `The \`cooldown\` of ${what} has no \`default-days\`: updates outside its semver settings wait 0 days.`,
          resource: `updates[${update.index}]`,
        });
      } else if (typeof update.defaultDays.value === 'number' && update.defaultDays.value < minimum) {
        ctx.report({
          at: update.defaultDays.loc,
          message: `${what} wait ${update.defaultDays.value} day(s); at least ${minimum} leave time for a compromised release to be found.`,
          resource: `updates[${update.index}]`,
        });
      }
    }
  },
});
