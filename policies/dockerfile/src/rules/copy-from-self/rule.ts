import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { instructionsOf, report, spanOf } from '../../lib/index.js';

const bad = 'FROM golang:1.22 AS build\nCOPY --from=build /out/app /usr/local/bin/app\n';

export default defineRule({
  id: 'dockerfile/copy-from-self',
  domain: dockerfileDomain,
  meta: {
    title: 'COPY --from names its own stage',
    description:
      '`COPY --from=<stage>` refers to the stage it is in, which cannot be built (a stage cannot read its own result).',
    rationale:
      'Medium: BuildKit rejects the file with a circular-dependency error, so nothing insecure ships, but the build is broken and the intent (usually a previous stage) is lost.',
    remediation:
      'Point `--from` at the earlier stage that produced the files, or give the stages distinct names.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: ['DL3023', 'DS-0006'],
    references: ['https://docs.docker.com/build/building/multi-stage/'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, '--from=build')] }],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /out/app /usr/local/bin/app\n',
        },
      ],
    },
  },
  check(model, ctx) {
    for (const { stage, instruction, container } of instructionsOf(model, 'COPY')) {
      const from = instruction.flags.find((f) => f.name === 'from');
      if (!from?.value) continue;
      const value = from.value.toLowerCase();
      if ((stage.name && value === stage.name) || value === String(stage.index)) {
        report(ctx, from, container, `\`COPY --from=${from.value}\` refers to its own stage.`);
      }
    }
  },
});
