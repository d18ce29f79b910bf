import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { commands, report, spanOf } from '../../lib/index.js';

const bad = 'FROM ubuntu:24.04\nUSER app\nRUN sudo apt-get update\n';

export default defineRule({
  id: 'dockerfile/no-sudo',
  domain: dockerfileDomain,
  meta: {
    title: 'sudo used in RUN',
    description: 'A `RUN` calls `sudo`, which needs sudo installed and configured in the image.',
    rationale:
      'Medium: an image whose user can `sudo` has a built-in privilege escalation for anyone who gets code execution in it, and sudo’s TTY and environment handling makes builds unpredictable. Switching users with `USER` needs neither.',
    remediation:
      'Run the privileged steps before `USER app` (builds run as root by default), or use `USER root` … `USER app` around them; use `gosu`/`su-exec` in entrypoints that must drop privileges.',
    category: 'security',
    severity: 'medium',
    confidence: 'high',
    aliases: ['DL3004', 'DS-0010', 'CKV2_DOCKER_1'],
    references: ['https://docs.docker.com/build/building/best-practices/#user'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'sudo')] }],
      valid: [{ filename: 'Dockerfile', code: 'FROM ubuntu:24.04\nRUN apt-get update\nUSER app\n' }],
    },
  },
  check(model, ctx) {
    for (const { container, command } of commands(model)) {
      if (command.base === 'sudo')
        report(
          ctx,
          command.nameWord,
          container,
          '`sudo` in a Dockerfile: use `USER` to change users instead.',
        );
    }
  },
});
