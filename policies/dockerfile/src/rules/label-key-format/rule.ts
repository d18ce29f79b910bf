import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { instructionsOf, report, spanOf } from '../../lib/index.js';

/** Namespaces Docker keeps for itself; Docker Desktop extensions are told to use theirs. */
const RESERVED = /^(com\.docker\.|io\.docker\.|org\.dockerproject\.)/;
const EXTENSION = /^com\.docker\.(desktop\.)?extension\./;
/** Lower-case letters and digits, separated by single dots or dashes, starting and ending alphanumeric. */
const FORMAT = /^[a-z0-9]+([.-][a-z0-9]+)*$/;

const bad = 'FROM alpine:3.20\nLABEL Maintainer="ops@example.com" io.docker.build-date=2025-01-31\n';

export default defineRule({
  id: 'dockerfile/label-key-format',
  domain: dockerfileDomain,
  meta: {
    title: 'Label key does not follow Docker’s key format',
    description:
      'A `LABEL` key is not lower-case alphanumeric with single `.` or `-` separators, or uses a namespace Docker reserves (`com.docker.*`, `io.docker.*`, `org.dockerproject.*`).',
    rationale:
      'Info: tools that query labels (`docker image ls --filter label=...`, registries, SBOM generators) match keys exactly, so `Maintainer` and `maintainer` are different labels, and keys in Docker’s namespaces may collide with labels Docker sets. Nothing breaks at build time; opt-in with the label schema.',
    remediation: 'Use lower-case reverse-DNS keys (`org.opencontainers.image.authors`, `com.example.team`).',
    category: 'best-practice',
    severity: 'info',
    confidence: 'high',
    optIn: true,
    aliases: ['DL3048'],
    references: ['https://docs.docker.com/engine/manage-resources/labels/#key-format-recommendations'],
    examples: {
      invalid: [
        {
          filename: 'Dockerfile',
          code: bad,
          errors: [spanOf(bad, 'Maintainer'), spanOf(bad, 'io.docker.build-date')],
        },
      ],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="ops@example.com" com.example.build-date=2025-01-31\n',
        },
      ],
    },
  },
  check(model, ctx) {
    for (const { instruction, container } of instructionsOf(model, 'LABEL')) {
      for (const p of instruction.properties) {
        if (p.name.includes('$')) continue;
        if (RESERVED.test(p.name) && !EXTENSION.test(p.name))
          report(ctx, p.nameLoc, container, `Label key \`${p.name}\` is in a namespace Docker reserves.`);
        else if (!FORMAT.test(p.name))
          report(
            ctx,
            p.nameLoc,
            container,
            `Label key \`${p.name}\` should be lower-case letters and digits separated by single \`.\` or \`-\`.`,
          );
      }
    }
  },
});
