import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { report, spanOf } from '../../lib/index.js';

/** Names BuildKit gives a meaning of its own: `scratch` (the empty image) and `context` (a named build context). */
const RESERVED = new Set(['scratch', 'context']);

const bad = 'FROM golang:1.23 AS context\nRUN go build -o /out/app ./cmd/app\n';

export default defineRule({
  id: 'dockerfile/reserved-stage-name',
  domain: dockerfileDomain,
  meta: {
    title: 'Stage named with a reserved word',
    description: 'A stage is named `scratch` or `context`, words BuildKit reserves.',
    rationale:
      'Medium: `FROM ... AS scratch` is rejected by BuildKit, and a stage named `context` collides with named build contexts (`--build-context`), so `COPY --from=context` may read the wrong files. The build breaks or copies the unexpected.',
    remediation: 'Rename the stage (`AS build`, `AS sources`) and the `--from` references to it.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: ['DL3063'],
    references: ['https://docs.docker.com/reference/build-checks/reserved-stage-name/'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'context')] }],
      valid: [{ filename: 'Dockerfile', code: bad.replace('context', 'build') }],
    },
  },
  check(model, ctx) {
    for (const stage of model.stages) {
      if (!stage.name || !stage.nameLoc || !RESERVED.has(stage.name)) continue;
      report(ctx, stage.nameLoc, stage.from, `Stage name \`${stage.name}\` is reserved by BuildKit.`);
    }
  },
});
