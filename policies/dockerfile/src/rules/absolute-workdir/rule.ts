import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { instructionsOf, report, spanOf } from '../../lib/index.js';

const bad = 'FROM node:20-slim\nWORKDIR app\n';

export default defineRule({
  id: 'dockerfile/absolute-workdir',
  domain: dockerfileDomain,
  meta: {
    title: 'WORKDIR is a relative path',
    description:
      '`WORKDIR` is given a relative path, which resolves against whatever the previous working directory was.',
    rationale:
      'Low: the effective directory depends on the base image and on earlier `WORKDIR`s, so a base-image change moves the application silently. It breaks builds or runtime paths rather than security, hence low.',
    remediation: 'Use an absolute path: `WORKDIR /app`.',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    aliases: ['DL3000', 'DS-0009', 'CKV_DOCKER_10'],
    references: ['https://docs.docker.com/reference/dockerfile/#workdir'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'app')] }],
      valid: [{ filename: 'Dockerfile', code: 'FROM node:20-slim\nWORKDIR /app\n' }],
    },
  },
  check(model, ctx) {
    for (const { instruction, container } of instructionsOf(model, 'WORKDIR')) {
      const arg = instruction.args[0];
      if (!arg) continue;
      const r = model.resolve(arg.value.replace(/^["']|["']$/g, ''), instruction);
      const path = r.value;
      // Unknown variables at the start (`$HOME/app`) may well be absolute.
      if (path.startsWith('/') || path.startsWith('$') || /^[A-Za-z]:/.test(path) || path.startsWith('\\'))
        continue;
      report(ctx, arg, container, `\`WORKDIR ${arg.value}\` is relative.`);
    }
  },
});
