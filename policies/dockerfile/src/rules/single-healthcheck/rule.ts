import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { spanOf } from '../../lib/index.js';
import { reportAllButLast } from '../../lib/multiple.js';

const bad = 'FROM alpine:3.20\nHEALTHCHECK CMD ["true"]\nHEALTHCHECK CMD ["/app/health"]\n';

export default defineRule({
  id: 'dockerfile/single-healthcheck',
  domain: dockerfileDomain,
  meta: {
    title: 'More than one HEALTHCHECK in a stage',
    description: 'A stage has several `HEALTHCHECK` instructions; only the last one takes effect.',
    rationale:
      'Low: nothing breaks at build time, but readers (and reviewers) believe the first `HEALTHCHECK` is in force when it is silently replaced, which hides what the container really does. A reliability and clarity issue, not a vulnerability.',
    remediation: 'Keep a single `HEALTHCHECK` per stage (the one you mean) and delete the others.',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    aliases: ['DL3012', 'DS-0023'],
    references: ['https://docs.docker.com/reference/dockerfile/#healthcheck'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'HEALTHCHECK')] }],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.20 AS build\nHEALTHCHECK CMD ["true"]\nFROM alpine:3.20\nHEALTHCHECK CMD ["/app/health"]\n',
        },
      ],
    },
  },
  check(model, ctx) {
    reportAllButLast(model, ctx, 'HEALTHCHECK');
  },
});
