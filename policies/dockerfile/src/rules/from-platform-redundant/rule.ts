import { defineRule } from '@plumbline/core';
import { dockerfileDomain } from '@plumbline/lang-dockerfile';
import { report, spanOf } from '../../lib/index.js';

const bad = 'FROM --platform=$TARGETPLATFORM alpine:3.20\nRUN apk add --no-cache ca-certificates\n';

export default defineRule({
  id: 'dockerfile/from-platform-redundant',
  domain: dockerfileDomain,
  meta: {
    title: 'FROM --platform=$TARGETPLATFORM is redundant',
    description: '`FROM --platform=$TARGETPLATFORM` asks for what every stage gets anyway.',
    rationale:
      'Info: harmless, but it reads as if the stage were special (as `$BUILDPLATFORM` stages are), and readers look for a reason that is not there.',
    remediation: 'Remove the flag.',
    category: 'best-practice',
    severity: 'info',
    confidence: 'high',
    aliases: ['DL3065'],
    references: ['https://docs.docker.com/reference/dockerfile/#automatic-platform-args-in-the-global-scope'],
    examples: {
      invalid: [{ filename: 'Dockerfile', code: bad, errors: [spanOf(bad, '--platform=$TARGETPLATFORM')] }],
      valid: [{ filename: 'Dockerfile', code: bad.replace('--platform=$TARGETPLATFORM ', '') }],
    },
  },
  check(model, ctx) {
    for (const stage of model.stages) {
      const flag = stage.platform;
      if (!flag?.value || !/^\$\{?TARGETPLATFORM\}?$/.test(flag.value.trim())) continue;
      report(ctx, flag, stage.from, '`--platform=$TARGETPLATFORM` is the default platform of every stage.');
    }
  },
});
