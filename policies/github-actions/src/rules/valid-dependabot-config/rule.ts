import { defineRule } from '@plumbline/core';
import { dependabotDomain } from '@plumbline/lang-yaml';

export default defineRule({
  id: 'gha/valid-dependabot-config',
  domain: dependabotDomain,
  meta: {
    title: 'Dependabot configuration GitHub rejects',
    description:
      '`.github/dependabot.yml` has a shape Dependabot does not accept: no `version: 2`, `updates` that is not a list, an entry without `package-ecosystem`, `directory` or `schedule.interval`, a `cooldown` that is not a map or whose days are not 1 to 90.',
    rationale:
      "GitHub refuses the whole file: version and security-update pull requests stop for every ecosystem, and the only trace is an error on the repository's Dependabot page that nobody watches. Medium.",
    remediation: "Fix the key named in the message (see GitHub's dependabot.yml reference).",
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: [
      'https://docs.github.com/en/code-security/dependabot/working-with-dependabot/dependabot-options-reference',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/dependabot.yml',
          code: 'version: 2\nupdates:\n  - package-ecosystem: gomod\n    directory: /\n    schedule:\n      interval: weekly\n    cooldown: 7\n',
          errors: [{ line: 7, column: 15, endLine: 7, endColumn: 16 }],
        },
      ],
      valid: [
        {
          filename: '.github/dependabot.yml',
          code: 'version: 2\nupdates:\n  - package-ecosystem: gomod\n    directory: /\n    schedule:\n      interval: weekly\n    cooldown:\n      default-days: 7\n',
        },
      ],
    },
  },
  check(config, ctx) {
    for (const problem of config.problems)
      ctx.report({ at: problem.loc, message: `Dependabot rejects this file: ${problem.message}.` });
  },
});
