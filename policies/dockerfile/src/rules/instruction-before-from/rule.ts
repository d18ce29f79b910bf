import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { report, spanOf } from '../../lib/index.js';

const bad = 'ENV LANG=C.UTF-8\nFROM debian:12-slim\nRUN apt-get update\n';

export default defineRule({
  id: 'dockerfile/instruction-before-from',
  domain: dockerfileDomain,
  meta: {
    title: 'Instruction before the first FROM',
    description:
      'An instruction other than `ARG` (and parser directives and comments) comes before the first `FROM`.',
    rationale:
      'Medium: Docker refuses to build the file (`no build stage in current context`), so the image cannot be built from it as written.',
    remediation:
      'Move the instruction after the `FROM` it belongs to; only `ARG` may come first (for `FROM ${VERSION}`).',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: ['DL3061'],
    references: ['https://docs.docker.com/reference/dockerfile/#format'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'ENV')] }],
      valid: [
        { filename: 'Dockerfile', code: 'ARG DEBIAN=12-slim\nFROM debian:${DEBIAN}\nENV LANG=C.UTF-8\n' },
      ],
    },
  },
  check(model, ctx) {
    if (model.stages.length === 0) return; // no FROM at all: the parser reports the file
    const first = model.instructions.find((i) => i.stageIndex === -1 && i.keyword !== 'ARG');
    if (!first) return;
    report(
      ctx,
      first.keywordLoc,
      first,
      `\`${first.keyword}\` comes before the first \`FROM\`; Docker rejects the file.`,
    );
  },
});
