import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { instructions, report, spanOf } from '../../lib/index.js';

const bad = 'FROM node:20-slim\nCOPY package.json package-lock.json /app\n';

export default defineRule({
  id: 'dockerfile/copy-multi-source-slash',
  domain: dockerfileDomain,
  meta: {
    title: 'COPY of several sources to a destination without a trailing slash',
    description: '`COPY`/`ADD` with more than one source needs a directory destination ending in `/`.',
    rationale:
      'Medium: Docker refuses to build ("the destination must be a directory and end with a /"), so this is a broken build.',
    remediation: 'End the destination with a slash: `COPY a b /app/`.',
    category: 'reliability',
    severity: 'medium',
    confidence: 'high',
    aliases: ['DL3021', 'DS-0011'],
    references: ['https://docs.docker.com/reference/dockerfile/#copy'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, '/app')] }],
      valid: [
        { filename: 'Dockerfile', code: 'FROM node:20-slim\nCOPY package.json package-lock.json /app/\n' },
      ],
    },
  },
  check(model, ctx) {
    for (const { instruction, container } of instructions(model)) {
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
      if (instruction.heredocs.length > 0) continue;
      const words = instruction.json ?? instruction.args;
      if (words.length < 3) continue;
      const dest = words[words.length - 1]!;
      const value = model.resolve(
        instruction.json ? dest.value : dest.value.replace(/^["']|["']$/g, ''),
        instruction,
      ).value;
      if (value.endsWith('/') || value.endsWith('\\') || value === '.' || value.endsWith('/.')) continue;
      report(
        ctx,
        dest,
        container,
        `\`${instruction.keyword}\` has ${words.length - 1} sources but \`${dest.value}\` does not end with \`/\`.`,
      );
    }
  },
});
