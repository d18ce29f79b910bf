import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { report, spanOf } from '../../lib/index.js';

const bad = 'FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim AS build\n';

export default defineRule({
  id: 'dockerfile/unique-stage-names',
  domain: dockerfileDomain,
  meta: {
    title: 'Duplicate stage name',
    description: 'Two `FROM ... AS <name>` use the same stage name (names are case-insensitive).',
    rationale:
      'Medium: BuildKit rejects duplicate stage names; older builders silently used the later one, so `COPY --from` picked up different files than intended.',
    remediation: 'Give every stage its own name.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: ['DL3024', 'DS-0012', 'CKV_DOCKER_11'],
    references: ['https://docs.docker.com/build/building/multi-stage/#name-your-build-stages'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'build', 2)] }],
      valid: [
        { filename: 'Dockerfile', code: 'FROM node:20 AS build\nRUN npm ci\nFROM node:20-slim AS runtime\n' },
      ],
    },
  },
  check(model, ctx) {
    const seen = new Map<string, number>();
    for (const stage of model.stages) {
      if (!stage.name || !stage.nameLoc) continue;
      const first = seen.get(stage.name);
      if (first !== undefined) {
        report(
          ctx,
          stage.nameLoc,
          stage.from,
          `Stage name \`${stage.name}\` is already used by stage ${first}.`,
        );
      } else seen.set(stage.name, stage.index);
    }
  },
});
