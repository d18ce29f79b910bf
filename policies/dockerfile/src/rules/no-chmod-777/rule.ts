import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { commands, instructions, report, spanOf } from '../../lib/index.js';

/** Does a chmod mode give write access to "others" (without the sticky bit that makes /tmp-style dirs safe)? */
export function worldWritable(mode: string): boolean {
  if (/^[0-7]{3,4}$/.test(mode)) {
    const sticky = mode.length === 4 && (Number(mode[0]) & 1) === 1;
    return !sticky && (Number(mode[mode.length - 1]) & 2) === 2;
  }
  return mode
    .split(',')
    .some((clause) => /^[ugoa]*[oa][ugoa]*[+=][rwxXst]*w/.test(clause) && !/t/.test(clause));
}

const bad = 'FROM node:20-slim\nCOPY . /app\nRUN chmod -R 777 /app\n';

export default defineRule({
  id: 'dockerfile/no-chmod-777',
  domain: dockerfileDomain,
  meta: {
    title: 'World-writable files or directories',
    description:
      '`chmod 777` (or any mode that lets "others" write, such as `666` or `o+w`), or `COPY --chmod` with such a mode.',
    rationale:
      'Medium: any process in the container, whatever its user, can then replace the application’s code or configuration, which turns a minor compromise (or a non-root user meant to be confined) into control of the app. Directories with the sticky bit (`1777`, like `/tmp`) are not reported.',
    remediation:
      'Give ownership to the runtime user instead (`COPY --chown=app:app`, `chown -R app /app/data`) with modes like `755`/`644`, and make only the data directory writable.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: [],
    references: ['https://docs.docker.com/reference/dockerfile/#copy---chown---chmod'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, '777')] }],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM node:20-slim\nCOPY --chown=node:node . /app\nRUN chmod 1777 /tmp && chmod 755 /app\n',
        },
      ],
    },
  },
  check(model, ctx) {
    for (const { container, command } of commands(model)) {
      if (command.base !== 'chmod') continue;
      // The mode is the first argument that is not an option (`-R`, `--verbose`...).
      const m = command.args.find((a) => !/^-(R|v|c|f|-[a-z-]+)$/.test(a.value));
      if (m && worldWritable(m.value))
        report(ctx, m, container, `\`chmod ${m.value}\` makes files writable by every user.`);
    }
    for (const { instruction, container } of instructions(model)) {
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
      const flag = instruction.flags.find((f) => f.name === 'chmod');
      if (flag?.value && worldWritable(flag.value))
        report(
          ctx,
          flag,
          container,
          `\`--chmod=${flag.value}\` makes the copied files writable by every user.`,
        );
    }
  },
});
