import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { instructionsOf, report, spanOf } from '../../lib/index.js';

const bad = 'FROM alpine:3.20\nENV APP_HOME=/srv/app APP_BIN=$APP_HOME/bin\n';

export default defineRule({
  id: 'dockerfile/env-self-reference',
  domain: dockerfileDomain,
  meta: {
    title: 'ENV uses a variable set in the same ENV',
    description:
      'An `ENV` value refers to a variable that the same `ENV` instruction defines; Docker substitutes the old value, not the new one.',
    rationale:
      'Low: the variable ends up empty or stale (here `APP_BIN=/bin`), which breaks paths at run time in a way that is hard to see in review.',
    remediation: 'Split it into two instructions: `ENV APP_HOME=/srv/app` then `ENV APP_BIN=$APP_HOME/bin`.',
    category: 'reliability',
    severity: 'low',
    confidence: 'high',
    aliases: ['DL3044'],
    references: ['https://docs.docker.com/reference/dockerfile/#environment-replacement'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, '$APP_HOME/bin')] }],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM alpine:3.20\nENV APP_HOME=/srv/app\nENV APP_BIN=$APP_HOME/bin\nENV PATH=/x:$PATH\n',
        },
      ],
    },
  },
  check(model, ctx) {
    for (const { instruction, container } of instructionsOf(model, 'ENV')) {
      const defined: string[] = [];
      for (const p of instruction.properties) {
        const uses = [...(p.value ?? '').matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!);
        const self = uses.find((u) => defined.includes(u));
        if (self && p.valueLoc)
          report(
            ctx,
            p.valueLoc,
            container,
            `\`${p.name}\` uses \`$${self}\`, which this same \`ENV\` sets: the old value is used.`,
          );
        defined.push(p.name);
      }
    }
  },
});
