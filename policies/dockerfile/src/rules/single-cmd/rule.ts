import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { spanOf } from '../../lib/index.js';
import { reportAllButLast } from '../../lib/multiple.js';

const bad = 'FROM alpine:3.20\nCMD ["sh"]\nCMD ["/app/server"]\n';

export default defineRule({
  id: 'dockerfile/single-cmd',
  domain: dockerfileDomain,
  meta: {
    title: 'More than one CMD in a stage',
    description: 'A stage has several `CMD` instructions; only the last one takes effect.',
    rationale:
      'Low: nothing breaks at build time, but readers (and reviewers) believe the first `CMD` is in force when it is silently replaced, which hides what the container really does. A reliability and clarity issue, not a vulnerability.',
    remediation: 'Keep a single `CMD` per stage (the one you mean) and delete the others.',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    aliases: ['DL4003', 'DS-0016'],
    references: ['https://docs.docker.com/reference/dockerfile/#cmd'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'CMD')] }],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.20 AS build\nCMD ["sh"]\nFROM alpine:3.20\nCMD ["/app/server"]\n',
        },
      ],
    },
  },
  check(model, ctx) {
    reportAllButLast(model, ctx, 'CMD');
  },
});
