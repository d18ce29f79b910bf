import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { commands, report, spanOf } from '../../lib/index.js';

const bad =
  'FROM debian:12-slim\nRUN curl -fsSLo /tmp/a https://example.com/a\nRUN wget -q https://example.com/b\n';

export default defineRule({
  id: 'dockerfile/no-wget-and-curl',
  domain: dockerfileDomain,
  meta: {
    title: 'Both wget and curl used',
    description: 'The Dockerfile downloads with both `curl` and `wget`, so both tools end up installed.',
    rationale:
      'Info: one extra binary and its libraries in the image; pick one tool. Size and consistency only.',
    remediation: 'Use one of them throughout (usually `curl -fsSL`).',
    category: 'best-practice',
    severity: 'info',
    confidence: 'high',
    aliases: ['DL4001', 'DS-0014'],
    references: ['https://github.com/hadolint/hadolint/wiki/DL4001'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, 'wget')] }],
      valid: [
        {
          filename: 'Dockerfile',
          code: 'FROM debian:12-slim\nRUN curl -fsSLo /tmp/a https://example.com/a\n',
        },
      ],
    },
  },
  check(model, ctx) {
    const list = [...commands(model)].filter(
      ({ command }) => command.base === 'curl' || command.base === 'wget',
    );
    const first = list[0];
    if (!first) return;
    const other = list.find(({ command }) => command.base !== first.command.base);
    if (!other) return;
    report(
      ctx,
      other.command.nameWord,
      other.container,
      `\`${other.command.base}\` is used here and \`${first.command.base}\` earlier: use one download tool.`,
    );
  },
});
