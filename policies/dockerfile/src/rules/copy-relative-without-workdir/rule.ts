import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { chainOf, report, spanOf } from '../../lib/index.js';

const bad = 'FROM node:20-slim\nCOPY package.json .\n';

export default defineRule({
  id: 'dockerfile/copy-relative-without-workdir',
  domain: dockerfileDomain,
  meta: {
    title: 'COPY to a relative path before any WORKDIR',
    description:
      '`COPY`/`ADD` targets a relative path, but no `WORKDIR` was set in the stage (or the stages it builds on), so the files land wherever the base image’s working directory is — often `/`.',
    rationale:
      'Low: the result depends on the base image and can change with it; files in `/` are easy to miss and to overwrite. A reliability issue.',
    remediation: 'Set `WORKDIR /app` before the copy, or use an absolute destination.',
    category: 'reliability',
    severity: 'low',
    confidence: 'medium',
    aliases: ['DL3045'],
    references: ['https://docs.docker.com/reference/dockerfile/#workdir'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, '.', 2)] }],
      valid: [{ filename: 'Dockerfile', code: 'FROM node:20-slim\nWORKDIR /app\nCOPY package.json .\n' }],
    },
  },
  check(model, ctx) {
    for (const stage of model.stages) {
      const inherited = chainOf(stage)
        .slice(1)
        .some((s) => s.instructions.some((i) => i.keyword === 'WORKDIR'));
      if (inherited) continue;
      for (const ins of stage.instructions) {
        if (ins.keyword === 'WORKDIR') break;
        if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
        const words = ins.json ?? ins.args.filter((w) => !w.value.startsWith('<<'));
        const dest = words[words.length - 1];
        if (!dest || words.length < 2) continue;
        const value = model.resolve(
          ins.json ? dest.value : dest.value.replace(/^["']|["']$/g, ''),
          ins,
        ).value;
        if (/^([/\\$]|[A-Za-z]:)/.test(value)) continue;
        report(
          ctx,
          dest,
          ins,
          `\`${ins.keyword}\` to the relative path \`${dest.value}\` before any \`WORKDIR\`.`,
        );
      }
    }
  },
});
