import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { execForm } from '../../lib/fixes.js';
import { instructions, report, spanOf } from '../../lib/index.js';

const bad = 'FROM node:20-slim\nCMD node server.js\n';

export default defineRule({
  id: 'dockerfile/json-form-cmd',
  domain: dockerfileDomain,
  meta: {
    title: 'CMD or ENTRYPOINT in shell form',
    description:
      '`CMD` or `ENTRYPOINT` is written in shell form, so the process runs under `/bin/sh -c` instead of as PID 1.',
    rationale:
      'Low: the shell does not forward SIGTERM, so `docker stop` and Kubernetes wait out the grace period and then SIGKILL the application: no graceful shutdown, dropped requests, unflushed data. A reliability problem, not a security one.',
    remediation:
      'Use the JSON (exec) form: `CMD ["node", "server.js"]`. If you need variable expansion, use an entrypoint script that ends with `exec "$@"`.',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    fixable: true,
    aliases: ['DL3025'],
    references: ['https://docs.docker.com/reference/dockerfile/#shell-and-exec-form'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'node server.js')] }],
      valid: [{ filename: 'Dockerfile', code: 'FROM node:20-slim\nCMD ["node", "server.js"]\n' }],
    },
  },
  check(model, ctx) {
    for (const { instruction, container } of instructions(model)) {
      if (instruction.keyword !== 'CMD' && instruction.keyword !== 'ENTRYPOINT') continue;
      if (instruction.form !== 'shell' || !instruction.bodyLoc) continue;
      report(
        ctx,
        instruction.bodyLoc,
        container,
        `\`${instruction.keyword}\` in shell form runs under \`/bin/sh -c\`, which does not pass signals on.`,
        undefined,
        execForm(instruction),
      );
    }
  },
});
