import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { commands, report, spanOf } from '../../lib/index.js';

const bad = 'FROM debian:12-slim\nRUN useradd -u 1000000 app\n';

export default defineRule({
  id: 'dockerfile/useradd-no-log-init',
  domain: dockerfileDomain,
  meta: {
    title: 'useradd with a high UID without -l',
    description:
      '`useradd` creates a user with a large UID (≥ 65536) without `-l`/`--no-log-init`, so the sparse `lastlog`/`faillog` files are sized for that UID.',
    rationale:
      'Low: the files are sparse on disk but not in image layers, so a single `useradd` can add gigabytes to the image and exhaust build disks. Size and build reliability only.',
    remediation: 'Add `-l` (`useradd -l -u 1000000 app`) or pick a UID below 65536.',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    aliases: ['DL3046'],
    references: ['https://github.com/moby/moby/issues/5419'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'useradd -u 1000000 app')] }],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12-slim\nRUN useradd -l -u 1000000 app && useradd -u 10001 web\n',
        },
      ],
    },
  },
  check(model, ctx) {
    for (const { container, command } of commands(model)) {
      if (command.base !== 'useradd') continue;
      const values = command.args.map((a) => a.value);
      if (values.some((v) => v === '--no-log-init' || /^-[A-Za-z]*l[A-Za-z]*$/.test(v))) continue;
      const i = values.findIndex((v) => v === '-u' || v === '--uid' || v.startsWith('--uid='));
      if (i < 0) continue;
      const uid = values[i]!.startsWith('--uid=') ? values[i]!.slice(6) : values[i + 1];
      if (uid && /^\d+$/.test(uid) && Number(uid) >= 65536) {
        report(
          ctx,
          command,
          container,
          `\`useradd\` with UID ${uid} and no \`-l\` bloats the image with sparse log files.`,
        );
      }
    }
  },
});
