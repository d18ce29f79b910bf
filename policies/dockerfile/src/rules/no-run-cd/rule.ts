import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { instructionsOf, report, spanOf } from '../../lib/index.js';

/** `(cd dir && make)` scopes the directory change to a subshell: that is the right way. */
function inSubshell(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return text[i] === '(';
}

const bad = 'FROM node:20-slim\nCOPY . /app\nRUN cd /app && npm ci\n';

export default defineRule({
  id: 'dockerfile/no-run-cd',
  domain: dockerfileDomain,
  meta: {
    title: 'RUN starts with cd instead of WORKDIR',
    description:
      'A `RUN` begins with `cd <dir>`; the directory change is lost at the end of the `RUN` and hides where the following steps run.',
    rationale:
      'Low: readability and correctness of later steps (which run in the old directory), not security. `cd` later in a command chain (e.g. into an unpacked source tree) or in a subshell `(cd dir && make)` is fine and not reported.',
    remediation: 'Use `WORKDIR /app` before the `RUN`.',
    category: 'best-practice',
    severity: 'low',
    confidence: 'medium',
    aliases: ['DL3003', 'DS-0013'],
    references: ['https://docs.docker.com/build/building/best-practices/#workdir'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'cd /app')] }],
      valid: [{ filename: 'Dockerfile', code: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n' }],
    },
  },
  check(model, ctx) {
    for (const { instruction, container } of instructionsOf(model, 'RUN')) {
      const first = instruction.shell?.commands.find((c) => !c.wrappedBy);
      if (
        first?.base === 'cd' &&
        first.args.length > 0 &&
        first.args[0]!.value !== '-' &&
        !inSubshell(first.loc.file.text, first.loc.start)
      ) {
        report(
          ctx,
          first,
          container,
          `\`${first.name} ${first.args[0]!.value}\` at the start of a \`RUN\`: use \`WORKDIR\`.`,
        );
      }
    }
  },
});
