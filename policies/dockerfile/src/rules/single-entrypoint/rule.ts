import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { spanOf } from '../../lib/index.js';
import { reportAllButLast } from '../../lib/multiple.js';

const bad = 'FROM alpine:3.20\nENTRYPOINT ["/bin/sh"]\nENTRYPOINT ["/app/server"]\n';

export default defineRule({
  id: 'dockerfile/single-entrypoint',
  domain: dockerfileDomain,
  meta: {
    title: 'More than one ENTRYPOINT in a stage',
    description: 'A stage has several `ENTRYPOINT` instructions; only the last one takes effect.',
    rationale:
      'Low: nothing breaks at build time, but readers (and reviewers) believe the first `ENTRYPOINT` is in force when it is silently replaced, which hides what the container really does. A reliability and clarity issue, not a vulnerability.',
    remediation: 'Keep a single `ENTRYPOINT` per stage (the one you mean) and delete the others.',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    aliases: ['DL4004', 'DS-0007'],
    references: ['https://docs.docker.com/reference/dockerfile/#entrypoint'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'ENTRYPOINT')] }],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.20 AS build\nENTRYPOINT ["/bin/sh"]\nFROM alpine:3.20\nENTRYPOINT ["/app/server"]\n',
        },
      ],
    },
  },
  check(model, ctx) {
    reportAllButLast(model, ctx, 'ENTRYPOINT');
  },
});
