import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { instructionsOf, report, spanOf } from '../../lib/index.js';

const bad = 'FROM node:20-slim\nONBUILD FROM alpine:3.20\n';

export default defineRule({
  id: 'dockerfile/onbuild-invalid-trigger',
  domain: dockerfileDomain,
  meta: {
    title: 'ONBUILD triggers FROM, MAINTAINER or ONBUILD',
    description: '`ONBUILD` may not trigger `ONBUILD`, `FROM` or `MAINTAINER`.',
    rationale:
      'Medium: Docker rejects the instruction, so the image (or every image built on it) fails to build.',
    remediation: 'Remove the instruction, or trigger an allowed instruction (`ONBUILD COPY . /app`).',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: ['DL3043'],
    references: ['https://docs.docker.com/reference/dockerfile/#onbuild'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'FROM', 2)] }],
      valid: [{ filename: 'Dockerfile', code: 'FROM node:20-slim\nONBUILD COPY . /app\n' }],
    },
  },
  check(model, ctx) {
    for (const { instruction, container } of instructionsOf(model, 'ONBUILD')) {
      const trigger = instruction.trigger;
      if (trigger && ['ONBUILD', 'FROM', 'MAINTAINER'].includes(trigger.keyword)) {
        report(ctx, trigger.keywordLoc, container, `\`ONBUILD ${trigger.keyword}\` is not allowed.`);
      }
    }
  },
});
