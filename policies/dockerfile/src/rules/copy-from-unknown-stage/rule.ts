import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { instructionsOf, report, spanOf } from '../../lib/index.js';

const bad =
  'FROM golang:1.22 AS builder\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n';

export default defineRule({
  id: 'dockerfile/copy-from-unknown-stage',
  domain: dockerfileDomain,
  meta: {
    title: 'COPY --from names no earlier stage',
    description:
      '`COPY --from=<name>` uses a plain name that is not an earlier stage, so Docker treats it as an image to pull (`docker.io/library/<name>`).',
    rationale:
      'Low: usually a typo or a stage defined later, which breaks the build; at worst it silently copies files out of a public image of that name, which is a supply-chain surprise. Low because it mostly fails loudly.',
    remediation:
      'Use the name of a stage defined above (`FROM ... AS build`), or a full image reference with a tag (`--from=nginx:1.27`) when copying from an image on purpose.',
    category: 'reliability',
    severity: 'low',
    confidence: 'medium',
    aliases: ['DL3022'],
    references: ['https://docs.docker.com/reference/dockerfile/#copy---from'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, '--from=build')] }],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM golang:1.22 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /app\nCOPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/\n',
        },
      ],
    },
  },
  check(model, ctx) {
    for (const { stage, instruction, container } of instructionsOf(model, 'COPY')) {
      if (stage === model.fragment) continue; // the stages are in the file that includes it
      const from = instruction.flags.find((f) => f.name === 'from');
      if (!from?.value) continue;
      const value = model.resolve(from.value, instruction);
      if (!value.complete) continue;
      const name = value.value.toLowerCase();
      if (/^\d+$/.test(name)) {
        if (Number(name) >= stage.index)
          report(
            ctx,
            from,
            container,
            `\`COPY --from=${from.value}\` names a stage that is not defined before this one.`,
          );
        continue;
      }
      // A reference with a tag, digest, registry or path is an image on purpose.
      if (/[:@/.]/.test(name)) continue;
      const target = model.stageByName(name);
      if (target && target.index < stage.index) continue;
      if (target && target.index === stage.index) continue; // copy-from-self reports it
      report(
        ctx,
        from,
        container,
        target
          ? `\`COPY --from=${from.value}\` names a stage defined later in the file.`
          : `\`COPY --from=${from.value}\` names no earlier stage; Docker will pull an image called \`${name}\`.`,
      );
    }
  },
});
