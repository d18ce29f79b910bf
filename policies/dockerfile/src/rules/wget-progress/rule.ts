import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { wgetProgressFix } from '../../lib/fixes.js';
import { chainOf, commands, hasOption, report, spanOf } from '../../lib/index.js';

const bad =
  'FROM debian:12-slim\nRUN wget -O /tmp/node.tar.xz https://nodejs.org/dist/v20.18.0/node-v20.18.0-linux-x64.tar.xz\n';

export default defineRule({
  id: 'dockerfile/wget-progress',
  domain: dockerfileDomain,
  meta: {
    title: 'wget without --progress or -q',
    description:
      '`wget` runs without `--progress=...`, `-q` or `-nv`, so without a terminal it prints a line of dots for every 50 KB.',
    rationale:
      'Info: a 100 MB download writes thousands of lines into the build log, which CI systems truncate or slow down on, and the useful output is lost in them. Opt-in: log hygiene, not a defect.',
    remediation:
      'Add `--progress=dot:giga` (GNU wget), or `-q` (also understood by the BusyBox wget of Alpine images).',
    category: 'best-practice',
    severity: 'info',
    confidence: 'high',
    optIn: true,
    fixable: true,
    aliases: ['DL3047'],
    references: ['https://www.gnu.org/software/wget/manual/wget.html#Download-Options'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'wget')] }],
      valid: [{ filename: 'Dockerfile', code: bad.replace('wget ', 'wget --progress=dot:giga ') }],
    },
  },
  check(model, ctx) {
    for (const { stage, container, command } of commands(model)) {
      if (command.base !== 'wget') continue;
      if (hasOption(command, 'q', ['quiet', 'progress', 'no-verbose', 'output-file', 'append-output']))
        continue;
      // `-nv`, `-o log`, and clusters such as `-qO-` (quiet, output to stdout).
      if (command.args.some((a) => /^-(nv|o|a)$/.test(a.value) || /^-[A-Za-z]*[qoa]/.test(a.value))) continue;
      if (command.args.every((a) => a.value.startsWith('-'))) continue; // `wget --version`
      report(
        ctx,
        command.nameWord,
        container,
        '`wget` prints a progress dot line per 50 KB into the build log.',
        undefined,
        wgetProgressFix(chainOf(stage).at(-1)!, command),
      );
    }
  },
});
