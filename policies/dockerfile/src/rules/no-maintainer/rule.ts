import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { instructionsOf, report, spanOf } from '../../lib/index.js';

const bad = 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n';

export default defineRule({
  id: 'dockerfile/no-maintainer',
  domain: dockerfileDomain,
  meta: {
    title: 'MAINTAINER is deprecated',
    description: 'The `MAINTAINER` instruction is deprecated; image metadata belongs in labels.',
    rationale:
      'Info: harmless at runtime, but the field is invisible to tools that read OCI labels (registries, SBOM and provenance tooling), so ownership information is effectively lost.',
    remediation: 'Replace it by `LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"`.',
    category: 'best-practice',
    severity: 'info',
    confidence: 'high',
    aliases: ['DL4000', 'DS-0022', 'CKV_DOCKER_6'],
    references: ['https://docs.docker.com/reference/dockerfile/#maintainer-deprecated'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'MAINTAINER')] }],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="jane@example.com"\n',
        },
      ],
    },
  },
  check(model, ctx) {
    for (const { instruction, container } of instructionsOf(model, 'MAINTAINER')) {
      report(
        ctx,
        instruction.keywordLoc,
        container,
        '`MAINTAINER` is deprecated: use an `org.opencontainers.image.authors` label.',
      );
    }
  },
});
