import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { optionAfter } from '../../lib/fixes.js';
import { commands, hasOption, report, spanOf } from '../../lib/index.js';
import { aptSimulates, isApt, sub } from '../../lib/packages.js';

const bad = 'FROM debian:12-slim\nRUN apt-get update && apt-get install --no-install-recommends curl\n';

export default defineRule({
  id: 'dockerfile/apt-get-assume-yes',
  domain: dockerfileDomain,
  meta: {
    title: 'apt-get install without -y',
    description:
      '`apt-get install` (or `upgrade`, `remove`...) runs without `-y`, so it would wait for a confirmation that never comes.',
    rationale:
      'Low: in a non-interactive build apt-get aborts at the prompt ("Do you want to continue? Abort."), so the build fails or, with some front ends, behaves differently from what the author tested. A reliability problem, not a security one.',
    remediation: 'Add `-y` (or `--yes`/`-qq`): `apt-get install -y --no-install-recommends curl`.',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    fixable: true,
    aliases: ['DL3014', 'DS-0021'],
    references: ['https://manpages.debian.org/apt-get'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'install')] }],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
        },
      ],
    },
  },
  check(model, ctx) {
    for (const { container, command } of commands(model)) {
      if (
        !isApt(command, [
          'install',
          'upgrade',
          'dist-upgrade',
          'full-upgrade',
          'remove',
          'purge',
          'autoremove',
          'build-dep',
        ])
      )
        continue;
      if (hasOption(command, 'y', ['yes', 'assume-yes', 'force-yes']) || aptSimulates(command)) continue;
      // Quiet level 2 (`-qq`, `-q -q`) implies `-y`.
      if (command.args.filter((a) => a.value === '-q').length >= 2) continue;
      if (
        command.args.some(
          (a) => /^(-qq|-q=2|--quiet=2)$/.test(a.value) || /assume-yes=(1|true|yes)/i.test(a.value),
        )
      )
        continue;
      if (command.pipeline?.commands.slice(0, command.pipeline.index).some((c) => c.base === 'yes')) continue;
      const at = sub(command)!;
      report(
        ctx,
        at,
        container,
        `\`${command.name} ${at.value}\` has no \`-y\`, so it stops at the confirmation prompt.`,
        undefined,
        optionAfter(at, '-y', 'Answer the prompt with yes'),
      );
    }
  },
});
