import { defineRule } from '@plumbline/core';
import { dockerfileDomain, type Instruction } from '@plumbline/lang-dockerfile';
import { finalChain, report, spanOf } from '../../lib/index.js';

const bad =
  'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends ca-certificates\nRUN rm -rf /var/lib/apt/lists/*\n';

const flagsOf = (run: Instruction) =>
  run.flags
    .map((f) => `${f.name}=${f.value ?? ''}`)
    .sort()
    .join(' ');

export default defineRule({
  id: 'dockerfile/consecutive-run',
  domain: dockerfileDomain,
  meta: {
    title: 'Consecutive RUN instructions',
    description:
      'A `RUN` of the final image directly follows another `RUN` with the same flags, adding a layer that could be part of the previous one.',
    rationale:
      'Info: every `RUN` is a layer; files one layer deletes still ship in the layer before (the clean-up of a cache in the next `RUN` saves nothing), and many small layers slow pulls. Separate `RUN`s are sometimes kept on purpose for the build cache, and build stages never ship, so this is opt-in advice for the final image only.',
    remediation: 'Join the commands with `&&` (or a heredoc) in one `RUN`.',
    category: 'best-practice',
    severity: 'info',
    confidence: 'medium',
    optIn: true,
    aliases: ['DL3059'],
    references: ['https://docs.docker.com/build/building/best-practices/#minimize-the-number-of-layers'],
    examples: {
      invalid: [
        { filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'RUN', 2), spanOf(bad, 'RUN', 3)] },
      ],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends ca-certificates \\\n && rm -rf /var/lib/apt/lists/*\n',
        },
      ],
    },
  },
  check(model, ctx) {
    for (const stage of finalChain(model)) {
      const list = stage.instructions;
      for (let i = 1; i < list.length; i++) {
        const [prev, run] = [list[i - 1]!, list[i]!];
        if (run.keyword !== 'RUN' || prev.keyword !== 'RUN' || flagsOf(prev) !== flagsOf(run)) continue;
        report(ctx, run.keywordLoc, run, 'This `RUN` follows another `RUN`; one `RUN` would make one layer.');
      }
    }
  },
});
