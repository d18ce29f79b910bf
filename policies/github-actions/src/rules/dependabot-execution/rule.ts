import { defineRule } from '@plumbline/core';
import { dependabotDomain } from '@plumbline/lang-yaml';

export default defineRule({
  id: 'gha/dependabot-execution',
  domain: dependabotDomain,
  meta: {
    title: 'Dependabot allowed to run external code',
    description:
      'An entry of `.github/dependabot.yml` sets `insecure-external-code-execution: allow`, letting the package manager run code from the manifest and its dependencies (setup.py, gemspecs, mix files) while Dependabot updates them.',
    rationale:
      "That code runs in Dependabot's updater with the credentials of every private registry in `registries:`; a malicious or compromised dependency can steal them. High: credentials leave for code nobody reviewed.",
    remediation:
      'Remove `insecure-external-code-execution: allow` (or set `deny`); vendor or pin what needs code execution to resolve.',
    category: 'supply-chain',
    severity: 'high',
    confidence: 'high',
    aliases: ['zizmor:dependabot-execution'],
    references: [
      'https://docs.github.com/en/code-security/dependabot/working-with-dependabot/dependabot-options-reference#insecure-external-code-execution--',
      'https://docs.zizmor.sh/audits/#dependabot-execution',
    ],
    examples: {
      invalid: [
        {
          filename: '.github/dependabot.yml',
          code: 'version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: /\n    insecure-external-code-execution: allow\n    schedule:\n      interval: weekly\n',
          errors: [{ line: 5, column: 5, endLine: 5, endColumn: 44 }],
        },
      ],
      valid: [
        {
          filename: '.github/dependabot.yml',
          code: 'version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: /\n    insecure-external-code-execution: deny\n    schedule:\n      interval: weekly\n',
        },
      ],
    },
  },
  check(config, ctx) {
    for (const update of config.updates) {
      const setting = update.insecureExternalCodeExecution;
      if (setting?.text !== 'allow') continue;
      ctx.report({
        at: { file: config.file, start: setting.keyLoc.start, end: setting.loc.end },
        message: `${update.ecosystem ? `\`${update.ecosystem}\` updates run` : 'Dependabot runs'} code from the manifests it updates, with the registry credentials at hand.`,
        resource: `updates[${update.index}]`,
      });
    }
  },
});
