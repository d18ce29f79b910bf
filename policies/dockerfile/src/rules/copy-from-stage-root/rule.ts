import { defineRule } from '@plumbline/core';
import { dockerfileDomain, type Stage } from '@plumbline/lang-dockerfile';
import { instructionsOf, report, spanOf } from '../../lib/index.js';

const bad =
  'FROM node:20-bookworm AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nFROM node:20-bookworm-slim\nCOPY --from=build / /\nCMD ["node", "/app/dist/server.js"]\n';

/** The stage a `--from` value names (by name or index), if it is a stage of this file. */
function stageOf(stages: readonly Stage[], from: string): Stage | undefined {
  const value = from.toLowerCase();
  return stages.find((s) => s.name === value || String(s.index) === value);
}

export default defineRule({
  id: 'dockerfile/copy-from-stage-root',
  domain: dockerfileDomain,
  meta: {
    title: 'COPY --from copies a whole filesystem',
    description:
      '`COPY --from=<stage> / <dest>` copies the entire root filesystem of another stage or image, compilers, caches and package databases included.',
    rationale:
      'Low: the point of a multi-stage build is lost (everything the build stage installed ships), the layer is as large as that stage, and files like `/etc/passwd` of the other image overwrite this one. Not reported: a source stage built `FROM scratch` (it holds only what was put there for this copy), a target stage built `FROM scratch` (squashing layers on purpose), and images that are not stages of the file (tools images such as `docker/buildx-bin` are made to be copied whole).',
    remediation:
      'Copy only the build output (`COPY --from=build /app/dist /app/dist`), or assemble the files to ship in a `FROM scratch` stage and copy that.',
    category: 'best-practice',
    severity: 'low',
    confidence: 'high',
    aliases: ['DL3067'],
    references: ['https://docs.docker.com/build/building/multi-stage/'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, '/ /')] }],
      valid: [
        {
          filename: 'Dockerfile',
          code: bad.replace('COPY --from=build / /', 'COPY --from=build /app/dist /app/dist'),
        },
      ],
    },
  },
  check(model, ctx) {
    for (const { stage, instruction, container } of instructionsOf(model, 'COPY')) {
      const from = instruction.flags.find((f) => f.name === 'from');
      if (!from?.value) continue;
      const source = stageOf(model.stages, from.value);
      // An image (not a stage) copied whole is a tools image built for it (`docker/buildx-bin`);
      // a FROM-scratch source is a filesystem assembled for this copy; a FROM-scratch target
      // squashes the layers of the source on purpose.
      if (!source || source.image.scratch || stage.image.scratch) continue;
      const words = instruction.json ?? instruction.args;
      const roots = words.slice(0, -1).filter((w) => /^["']?\/\.?["']?$/.test(w.value));
      for (const root of roots) {
        report(
          ctx,
          { file: root.loc.file, start: root.loc.start, end: words.at(-1)!.loc.end },
          container,
          `\`COPY --from=${from.value}\` copies the whole filesystem of \`${from.value}\`.`,
        );
      }
    }
  },
});
