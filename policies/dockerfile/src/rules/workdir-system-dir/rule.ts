import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { instructionsOf, report, spanOf } from '../../lib/index.js';

/** Kernel and boot file systems: mounted over at run time, never a place for an application. */
const SYSTEM = /^\/(proc|sys|dev|boot|initrd|lost\+found)(\/|$)/;

const bad = 'FROM alpine:3.20\nWORKDIR /proc/app\n';

export default defineRule({
  id: 'dockerfile/workdir-system-dir',
  domain: dockerfileDomain,
  meta: {
    title: 'WORKDIR in a system directory',
    description: '`WORKDIR` points into `/proc`, `/sys`, `/dev`, `/boot`, `/initrd` or `/lost+found`.',
    rationale:
      'Medium: these are kernel or boot file systems that the runtime mounts over, so files put there vanish or, worse, relative writes of the application land on kernel interfaces. It is almost always a mistake with unpredictable effects.',
    remediation: 'Use an application directory such as `/app`, `/srv/app` or `/opt/app`.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: ['DS-0030'],
    references: ['https://docs.docker.com/reference/dockerfile/#workdir'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, '/proc/app')] }],
      valid: [{ filename: 'Dockerfile', code: 'FROM alpine:3.20\nWORKDIR /srv/app\n' }],
    },
  },
  check(model, ctx) {
    for (const { instruction, container } of instructionsOf(model, 'WORKDIR')) {
      const arg = instruction.args[0];
      if (!arg) continue;
      const path = model.resolve(arg.value.replace(/^["']|["']$/g, ''), instruction).value;
      if (SYSTEM.test(path)) report(ctx, arg, container, `\`WORKDIR ${arg.value}\` is a system directory.`);
    }
  },
});
