import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { report, spanOf } from '../../lib/index.js';

const FRAGMENT_NOTE =
  'No `FROM` in this file: it is read as a fragment (a template or snippet), instruction by instruction; checks of stages and of the final image are skipped.';

const bad = 'ENV LANG=C.UTF-8\nFROM debian:12-slim\nRUN apt-get update\n';

export default defineRule({
  id: 'dockerfile/instruction-before-from',
  domain: dockerfileDomain,
  meta: {
    title: 'Instruction before the first FROM',
    description:
      'An instruction other than `ARG` (and parser directives and comments) comes before the first `FROM`.',
    rationale:
      'Medium: Docker refuses to build the file (`no build stage in current context`), so the image cannot be built from it as written. A file with no `FROM` at all (`Dockerfile.in`, a snippet a generator includes) gets one low note instead: its instructions are still checked one by one, and the rules about stages and the final image are skipped.',
    remediation:
      'Move the instruction after the `FROM` it belongs to (only `ARG` may come first, for `FROM ${VERSION}`). A fragment that another file completes needs no change: its note says which checks were skipped.',
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
    if (model.fragment) {
      // A note, not a build error: another file (or a generator) completes this one.
      const start = model.fragment.from;
      ctx.report({ at: start.keywordLoc, message: FRAGMENT_NOTE, container: start, severity: 'low' });
      return;
    }
    if (model.stages.length === 0) return;
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
